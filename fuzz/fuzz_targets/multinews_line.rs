//! One Multi-News source line: documents are never empty and carry no
//! separator or newline markup.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|line: &str| {
    let cluster = brief_io::multinews::parse_source_line("fuzz", line);
    for d in &cluster.documents {
        assert!(!d.text.is_empty());
        assert!(!d.text.contains(brief_io::multinews::SEPARATOR));
    }
    let _ = brief_io::multinews::parse_target_line(line);
});

//! A text article of arbitrary content: parsing must keep the text exactly,
//! and preparing it must give in-bounds spans on character boundaries.
#![no_main]
use brief_core::{Cluster, Pipeline};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let doc = brief_io::text::parse_text_document("fuzz", text);
    assert_eq!(doc.text, text);
    let cluster = Cluster::new("fuzz", vec![doc]);
    if let Ok(prepared) = Pipeline::default().prepare(&cluster) {
        for s in &prepared.sentences {
            assert!(s.span.start <= s.span.end && s.span.end <= text.len());
            assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
        }
    }
});

//! Prints the sentence segmentation of each file given, one sentence per line.
//!
//! `cargo run -p brief-core --example segment -- examples/tillerson-moscow/*.txt`

use brief_core::text::{NewsSegmenter, Segmenter};

fn main() -> std::io::Result<()> {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path)?;
        println!("== {path}");
        for span in NewsSegmenter.segment(&text) {
            println!("{}\t{}", span.start, &text[span.range()]);
        }
    }
    Ok(())
}

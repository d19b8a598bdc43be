//! Prints what brief-io reads from a path: one JSON cluster per line, and
//! every problem on stderr. `cargo run -p brief-io --example read_input -- PATH`
use brief_io::{read_path, Limits};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: read_input PATH");
        std::process::exit(2);
    };
    for record in read_path(std::path::Path::new(&path), &Limits::default()) {
        match record.result {
            Ok(cluster) => match serde_json::to_string(&cluster) {
                Ok(line) => println!("{line}"),
                Err(e) => eprintln!("{}: {e}", record.origin),
            },
            Err(e) => eprintln!("error: {e}"),
        }
    }
}

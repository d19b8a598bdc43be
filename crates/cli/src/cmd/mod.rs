//! One module per subcommand.

pub mod input;
pub mod summarize;

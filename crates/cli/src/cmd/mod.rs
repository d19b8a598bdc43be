//! One module per subcommand.

pub mod analyze;
pub mod bench;
pub mod cluster;
pub mod compare;
pub mod eval;
pub mod input;
pub mod score;
pub mod serve;
pub mod stories;
pub mod summarize;
pub mod train;
pub mod tune;

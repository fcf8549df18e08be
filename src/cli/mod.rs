//! Stage `cli`: takes command-line arguments and returns what the `ombuds`
//! binary prints. (Being written.)

//! Stage `index`: takes [`crate::Decision`] records and returns a Tantivy index;
//! queries it and returns hits. (Being written: see issue 4.)

//! Stage `stats`: takes an index and a query and returns counts, share upheld
//! and payment totals per group. (Being written: see issue 4.)

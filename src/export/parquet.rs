//! Parquet output: takes rows of an export table and writes them as a Parquet
//! file (snappy-compressed, row groups of at most [`ROW_GROUP_ROWS`] rows or
//! [`ROW_GROUP_BYTES`] of text), with the provenance in the file's key-value
//! metadata under `ombuds.provenance`.
//!
//! Texts are `BYTE_ARRAY` with the `String` logical type, numbers `INT64`,
//! dates `INT32` with the `Date` logical type, lists `LIST<String>`: what
//! DuckDB, pandas (pyarrow) and R's arrow read as text, integers, dates and
//! lists.

use std::io::Write;
use std::sync::Arc;

use parquet::basic::{Compression, LogicalType, Repetition, Type as Physical};
use parquet::data_type::{ByteArray, ByteArrayType, Int32Type, Int64Type};
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::Type;

use super::tables::{ColumnType, Table, Value};
use crate::index::document::days_since_epoch;

/// Most rows buffered before a row group is written.
pub const ROW_GROUP_ROWS: usize = 20_000;
/// Most bytes of text buffered before a row group is written: the bound on
/// the writer's memory, whatever the size of the export.
pub const ROW_GROUP_BYTES: usize = 16 << 20;

/// A Parquet file being written.
pub struct ParquetSink<W: Write + Send> {
    table: Table,
    writer: SerializedFileWriter<W>,
    /// One buffer per column.
    columns: Vec<Vec<Value>>,
    rows: usize,
    bytes: usize,
}

fn schema(table: &Table) -> parquet::errors::Result<Type> {
    let mut fields = Vec::new();
    for (i, c) in table.columns.iter().enumerate() {
        let repetition = if i == 0 {
            Repetition::REQUIRED
        } else {
            Repetition::OPTIONAL
        };
        let field = match c.ty {
            ColumnType::Text => Type::primitive_type_builder(c.name, Physical::BYTE_ARRAY)
                .with_repetition(repetition)
                .with_logical_type(Some(LogicalType::String))
                .build()?,
            ColumnType::Int => Type::primitive_type_builder(c.name, Physical::INT64)
                .with_repetition(repetition)
                .build()?,
            ColumnType::Date => Type::primitive_type_builder(c.name, Physical::INT32)
                .with_repetition(repetition)
                .with_logical_type(Some(LogicalType::Date))
                .build()?,
            ColumnType::TextList => {
                let element = Type::primitive_type_builder("element", Physical::BYTE_ARRAY)
                    .with_repetition(Repetition::REQUIRED)
                    .with_logical_type(Some(LogicalType::String))
                    .build()?;
                let list = Type::group_type_builder("list")
                    .with_repetition(Repetition::REPEATED)
                    .with_fields(vec![Arc::new(element)])
                    .build()?;
                Type::group_type_builder(c.name)
                    .with_repetition(Repetition::REQUIRED)
                    .with_logical_type(Some(LogicalType::List))
                    .with_fields(vec![Arc::new(list)])
                    .build()?
            }
        };
        fields.push(Arc::new(field));
    }
    Type::group_type_builder("schema").with_fields(fields).build()
}

fn value_bytes(v: &Value) -> usize {
    match v {
        Value::Text(s) => s.len(),
        Value::List(l) => l.iter().map(String::len).sum(),
        _ => 8,
    }
}

impl<W: Write + Send> ParquetSink<W> {
    /// Starts a file of `table` on `out`, with `provenance` (JSON) in its metadata.
    pub fn new(out: W, table: Table, provenance: &str) -> parquet::errors::Result<ParquetSink<W>> {
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_created_by(format!("ombuds {}", env!("CARGO_PKG_VERSION")))
            .set_key_value_metadata(Some(vec![KeyValue::new(
                "ombuds.provenance".to_owned(),
                provenance.to_owned(),
            )]))
            .build();
        let writer = SerializedFileWriter::new(out, Arc::new(schema(&table)?), Arc::new(props))?;
        Ok(ParquetSink {
            columns: vec![Vec::new(); table.columns.len()],
            table,
            writer,
            rows: 0,
            bytes: 0,
        })
    }

    /// Adds a row (as many cells as the table has columns).
    pub fn push(&mut self, row: Vec<Value>) -> parquet::errors::Result<()> {
        for (col, v) in self.columns.iter_mut().zip(row) {
            self.bytes += value_bytes(&v);
            col.push(v);
        }
        self.rows += 1;
        if self.rows >= ROW_GROUP_ROWS || self.bytes >= ROW_GROUP_BYTES {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> parquet::errors::Result<()> {
        if self.rows == 0 {
            return Ok(());
        }
        let mut group = self.writer.next_row_group()?;
        let mut i = 0;
        while let Some(mut column) = group.next_column()? {
            let values = std::mem::take(&mut self.columns[i]);
            let required = i == 0;
            match self.table.columns[i].ty {
                ColumnType::Text => {
                    let (data, defs) = levels(&values, required, |v| match v {
                        Value::Text(s) => Some(ByteArray::from(s.as_str())),
                        _ => None,
                    });
                    column
                        .typed::<ByteArrayType>()
                        .write_batch(&data, defs.as_deref(), None)?;
                }
                ColumnType::Int => {
                    let (data, defs) = levels(&values, required, |v| match v {
                        Value::Int(n) => Some(*n),
                        _ => None,
                    });
                    column.typed::<Int64Type>().write_batch(&data, defs.as_deref(), None)?;
                }
                ColumnType::Date => {
                    let (data, defs) = levels(&values, required, |v| match v {
                        Value::Date(d) => i32::try_from(days_since_epoch(*d)).ok(),
                        _ => None,
                    });
                    column.typed::<Int32Type>().write_batch(&data, defs.as_deref(), None)?;
                }
                ColumnType::TextList => {
                    // Required list of required elements: definition level 1
                    // for an element, 0 for an empty list; repetition level 0
                    // starts a row's list, 1 continues it.
                    let (mut data, mut defs, mut reps) = (Vec::new(), Vec::new(), Vec::new());
                    for v in &values {
                        let items: &[String] = match v {
                            Value::List(l) => l,
                            _ => &[],
                        };
                        if items.is_empty() {
                            defs.push(0);
                            reps.push(0);
                        }
                        for (j, s) in items.iter().enumerate() {
                            data.push(ByteArray::from(s.as_str()));
                            defs.push(1);
                            reps.push(i16::from(j > 0));
                        }
                    }
                    column
                        .typed::<ByteArrayType>()
                        .write_batch(&data, Some(&defs), Some(&reps))?;
                }
            }
            column.close()?;
            i += 1;
        }
        group.close()?;
        self.rows = 0;
        self.bytes = 0;
        Ok(())
    }

    /// Writes what is buffered and the footer; returns the output.
    pub fn finish(mut self) -> parquet::errors::Result<W> {
        self.flush()?;
        self.writer.into_inner()
    }
}

/// Values and definition levels of an optional column (levels `None` for the required key).
fn levels<T>(values: &[Value], required: bool, get: impl Fn(&Value) -> Option<T>) -> (Vec<T>, Option<Vec<i16>>) {
    let mut data = Vec::with_capacity(values.len());
    let mut defs = Vec::with_capacity(values.len());
    for v in values {
        match get(v) {
            Some(x) => {
                data.push(x);
                defs.push(1);
            }
            None => defs.push(0),
        }
    }
    (data, (!required).then_some(defs))
}

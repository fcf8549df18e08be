//! Index schema: takes an index directory and returns an open Tantivy index
//! whose fields are [`Fields`], after checking the directory's schema version.
//!
//! The schema is a published artefact (`schema/index-schema.json`, pinned by
//! a test): change a field and you must bump [`SCHEMA_VERSION`], because an
//! index built by one version cannot be read by another.

use std::path::{Path, PathBuf};

use tantivy::index::SegmentComponent;

use tantivy::schema::{
    DateOptions, DateTimePrecision, FacetOptions, Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing,
    TextOptions, STORED,
};
use tantivy::tokenizer::{LowerCaser, RawTokenizer, TextAnalyzer};
use tantivy::Index;

use crate::error::{Error, Result};
use crate::index::directory::ReadAtDirectory;

/// Version of the index layout. Bump it whenever [`build_schema`] changes.
pub const SCHEMA_VERSION: u32 = 3;

/// The file in the index directory that records [`SCHEMA_VERSION`].
pub const VERSION_FILE: &str = "ombuds-index.json";

/// Tokenizer for prose: split on non-alphanumerics, lower-case, English stems.
pub const TEXT_ANALYZER: &str = "en_stem";

/// Tokenizer for exact values matched without regard to case (outcome, remedy).
pub const KEY_ANALYZER: &str = "keyword";

/// The index's fields, by role.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// Upsert key: the normalised reference (`23017456`), or `sha256:<hex>`
    /// of the source when the decision has no reference. Indexed and fast.
    pub key: Field,
    /// The reference exactly as printed (`23 017 456`).
    pub reference: Field,
    /// The body complained about: stemmed text for queries; raw fast value for facets.
    pub organisation: Field,
    /// Category path facet, lower-cased: `/housing/homelessness`.
    pub category: Field,
    /// Category as printed (`Housing`): fast only, for facets and stats.
    pub category_name: Field,
    /// `Category > Subcategory` as printed: fast only, for facets and stats.
    pub category_path: Field,
    /// Outcome lower-cased as one token for queries; as printed in the fast column.
    pub outcome: Field,
    /// Decision date (midnight UTC): indexed for ranges, fast for sorting.
    pub date: Field,
    /// Year of the decision date.
    pub year: Field,
    /// `total_payment_pence`.
    pub payment: Field,
    /// Remedy kinds (`apology`, `financial`, …), one value per kind; fast (multi-valued) for facets.
    pub remedy: Field,
    /// The complainant's pseudonym.
    pub complainant: Field,
    /// The summary: stemmed, with positions.
    pub summary: Field,
    /// Section headings and paragraphs: stemmed, with positions.
    pub body: Field,
    /// Acts cited, with sections (`Children Act 1989 section 47`).
    pub legislation: Field,
    /// The whole record as JSON, stored (so `show` needs no original file).
    pub record: Field,
    /// SHA-256 of the source bytes' hash, URL and parser version, not the path
    /// ([`crate::index::document::fingerprint`]): a re-ingest with the same key and
    /// value is "unchanged" and is not parsed again.
    pub fingerprint: Field,
    /// The absolute path of the file the decision was read from (the `.jsonl`
    /// file for a record line), fast only: what `ingest --prune` checks.
    pub source_file: Field,
    /// `organisation_id` (`camden`): exact value, indexed for `--council`, fast for grouping.
    pub organisation_id: Field,
    /// `organisation_kind` (`london_borough`): exact value, indexed and fast.
    pub organisation_kind: Field,
}

/// Names a user may put before `:` in a query, in the order the help lists them.
pub const QUERY_FIELDS: &[&str] = &[
    "summary",
    "body",
    "organisation",
    "reference",
    "complainant",
    "outcome",
    "category",
    "remedy",
    "legislation",
    "year",
    "date",
    "payment",
    "organisation_id",
    "organisation_kind",
];

/// Builds the schema and returns it with its fields.
pub fn build_schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let prose = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TEXT_ANALYZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let keyword = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(KEY_ANALYZER)
            .set_index_option(IndexRecordOption::Basic),
    );
    let raw = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("raw")
            .set_index_option(IndexRecordOption::Basic),
    );
    let fast_only = TextOptions::default().set_fast("raw");
    let exact = raw.clone().set_fast("raw");
    let number = NumericOptions::default().set_indexed().set_fast();

    let fields = Fields {
        key: b.add_text_field("key", raw.clone().set_fast("raw")),
        reference: b.add_text_field("reference", raw),
        organisation: b.add_text_field("organisation", prose.clone().set_fast("raw")),
        category: b.add_facet_field("category", FacetOptions::default()),
        category_name: b.add_text_field("category_name", fast_only.clone()),
        category_path: b.add_text_field("category_path", fast_only.clone()),
        outcome: b.add_text_field("outcome", keyword.clone().set_fast("raw")),
        date: b.add_date_field(
            "date",
            DateOptions::default()
                .set_indexed()
                .set_fast()
                .set_precision(DateTimePrecision::Seconds),
        ),
        year: b.add_u64_field("year", number.clone()),
        payment: b.add_u64_field("payment", number),
        remedy: b.add_text_field("remedy", keyword.set_fast("raw")),
        complainant: b.add_text_field("complainant", prose.clone()),
        summary: b.add_text_field("summary", prose.clone()),
        body: b.add_text_field("body", prose.clone()),
        legislation: b.add_text_field("legislation", prose),
        record: b.add_text_field("record", STORED),
        fingerprint: b.add_text_field("fingerprint", fast_only.clone()),
        source_file: b.add_text_field("source_file", fast_only),
        organisation_id: b.add_text_field("organisation_id", exact.clone()),
        organisation_kind: b.add_text_field("organisation_kind", exact),
    };
    (b.build(), fields)
}

/// The published form of the schema: version plus Tantivy's field list.
pub fn schema_json() -> String {
    let (schema, _) = build_schema();
    let value = serde_json::json!({
        "schema_version": SCHEMA_VERSION,
        "tokenizers": {
            TEXT_ANALYZER: "simple tokenizer, remove tokens of 40 bytes or more, lower case, English stemmer",
            KEY_ANALYZER: "whole value as one token, lower case",
        },
        "fields": schema,
    });
    // Serialising a `serde_json::Value` cannot fail.
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}

/// An open index with its fields.
pub struct OmbudsIndex {
    /// The Tantivy index.
    pub index: Index,
    /// Its fields.
    pub fields: Fields,
    /// The directory it lives in.
    pub path: PathBuf,
    /// Facet ordinals per segment, kept between searches.
    pub ordinals: std::sync::Arc<crate::index::query::OrdinalCache>,
    /// The last reader opened, with the `meta.json` (modification time, size) it was opened at.
    pub(crate) last_reader: std::sync::Arc<std::sync::Mutex<Option<(crate::index::MetaStamp, tantivy::IndexReader)>>>,
}

impl std::fmt::Debug for OmbudsIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OmbudsIndex").field("path", &self.path).finish()
    }
}

fn index_error(path: &Path, detail: impl std::fmt::Display) -> Error {
    Error::Index {
        path: path.to_path_buf(),
        detail: detail.to_string(),
    }
}

pub(crate) fn rebuild_hint(path: &Path) -> String {
    format!(
        "rebuild it: delete the directory and run `ombuds ingest --index {} PATH...` again",
        path.display()
    )
}

#[derive(serde::Serialize, serde::Deserialize)]
struct VersionFile {
    format: String,
    schema_version: u32,
}

impl OmbudsIndex {
    /// Opens the index in `path` for searching, checking its schema version.
    /// Its segment files are mapped into memory (Tantivy's `MmapDirectory`).
    pub fn open(path: &Path) -> Result<OmbudsIndex> {
        OmbudsIndex::open_with(path, Reads::Mapped)
    }

    fn open_with(path: &Path, reads: Reads) -> Result<OmbudsIndex> {
        let version_path = path.join(VERSION_FILE);
        if !path.join("meta.json").exists() {
            let what = if path.exists() {
                "holds no ombuds index"
            } else {
                "does not exist"
            };
            return Err(index_error(
                path,
                format!(
                    "the directory {what}; build one with `ombuds ingest --index {} PATH...`",
                    path.display()
                ),
            ));
        }
        let text = std::fs::read_to_string(&version_path).map_err(|e| {
            index_error(
                path,
                format!(
                    "cannot read {VERSION_FILE}: {e}; this is not an ombuds index, or an old one; {}",
                    rebuild_hint(path)
                ),
            )
        })?;
        let version: VersionFile = serde_json::from_str(&text).map_err(|e| {
            index_error(
                path,
                format!("{VERSION_FILE} is malformed: {e}; {}", rebuild_hint(path)),
            )
        })?;
        if version.schema_version != SCHEMA_VERSION {
            return Err(index_error(
                path,
                format!(
                    "built with index schema version {}, but this ombuds reads version {SCHEMA_VERSION}; {}",
                    version.schema_version,
                    rebuild_hint(path)
                ),
            ));
        }
        let index = match reads {
            Reads::Mapped => Index::open_in_dir(path),
            Reads::ReadAt => read_at_directory(path).and_then(Index::open),
        }
        .map_err(|e| {
            index_error(
                path,
                format!("cannot open: {e}; the index looks damaged; {}", rebuild_hint(path)),
            )
        })?;
        // A segment file deleted or lost (a disk full, a bad copy) only shows
        // when a search touches it: check now that every file the last commit
        // names is there.
        let metas = index.searchable_segment_metas().map_err(|e| {
            index_error(
                path,
                format!("cannot read: {e}; the index looks damaged; {}", rebuild_hint(path)),
            )
        })?;
        for meta in metas {
            let mut components = vec![
                SegmentComponent::Postings,
                SegmentComponent::Positions,
                SegmentComponent::Terms,
                SegmentComponent::Store,
                SegmentComponent::FastFields,
                SegmentComponent::FieldNorms,
            ];
            if meta.has_deletes() {
                components.push(SegmentComponent::Delete);
            }
            for component in components {
                let file = meta.relative_path(component);
                if !path.join(&file).exists() {
                    return Err(index_error(
                        path,
                        format!(
                            "segment file {} is missing; the index is damaged; {}",
                            file.display(),
                            rebuild_hint(path)
                        ),
                    ));
                }
            }
        }
        let (schema, fields) = build_schema();
        if index.schema() != schema {
            return Err(index_error(
                path,
                format!(
                    "its fields differ from those of index schema version {SCHEMA_VERSION}; {}",
                    rebuild_hint(path)
                ),
            ));
        }
        register_analyzers(&index);
        Ok(OmbudsIndex {
            index,
            fields,
            path: path.to_path_buf(),
            ordinals: std::sync::Arc::default(),
            last_reader: std::sync::Arc::default(),
        })
    }

    /// Opens the index in `path` for writing, creating it (and the directory)
    /// when there is none. Its segment files are read into memory as needed,
    /// not mapped ([`ReadAtDirectory`]), so a bulk ingest's merges do not keep
    /// the pages they read resident; it searches correctly, but [`open`](Self::open)
    /// is the faster for searching.
    pub fn open_or_create(path: &Path) -> Result<OmbudsIndex> {
        if path.join("meta.json").exists() {
            return OmbudsIndex::open_with(path, Reads::ReadAt);
        }
        if path.exists() {
            let entries = std::fs::read_dir(path).map_err(|e| index_error(path, format!("cannot read: {e}")))?;
            // The version file is written first: a directory holding only it
            // is an index whose creation was killed, and is started again.
            if entries.flatten().any(|e| e.file_name() != VERSION_FILE) {
                return Err(index_error(
                    path,
                    "the directory is not empty and holds no index; give an empty or new directory",
                ));
            }
        }
        std::fs::create_dir_all(path).map_err(|e| index_error(path, format!("cannot create: {e}")))?;
        let (schema, fields) = build_schema();
        let version = VersionFile {
            format: "ombuds-index".into(),
            schema_version: SCHEMA_VERSION,
        };
        let json = serde_json::to_string_pretty(&version).map_err(|e| index_error(path, e))?;
        std::fs::write(path.join(VERSION_FILE), json + "\n")
            .map_err(|e| index_error(path, format!("cannot write {VERSION_FILE}: {e}")))?;
        let index = read_at_directory(path)
            .and_then(|dir| Index::create(dir, schema, index_settings()))
            .map_err(|e| index_error(path, format!("cannot create: {e}")))?;
        register_analyzers(&index);
        Ok(OmbudsIndex {
            index,
            fields,
            path: path.to_path_buf(),
            ordinals: std::sync::Arc::default(),
            last_reader: std::sync::Arc::default(),
        })
    }

    /// An error about this index.
    pub fn error(&self, detail: impl std::fmt::Display) -> Error {
        index_error(&self.path, detail)
    }
}

/// How an [`OmbudsIndex`] reads its segment files.
#[derive(Clone, Copy)]
enum Reads {
    /// Mapped into memory: for searching.
    Mapped,
    /// Read into memory as needed: for writing.
    ReadAt,
}

fn read_at_directory(path: &Path) -> tantivy::Result<ReadAtDirectory> {
    ReadAtDirectory::open(path).map_err(Into::into)
}

/// The settings of a new index: the stored records compressed with zstd
/// (level 3) in 64 KB blocks, where Tantivy's default is lz4 in 16 KB blocks:
/// a record is about 20 KB of JSON, so a block then holds a few and zstd finds
/// the repetition between them. Tantivy keeps the settings in `meta.json`.
pub fn index_settings() -> tantivy::IndexSettings {
    tantivy::IndexSettings {
        docstore_compression: tantivy::store::Compressor::Zstd(tantivy::store::ZstdCompressor {
            compression_level: Some(3),
        }),
        docstore_blocksize: 64 << 10,
        ..tantivy::IndexSettings::default()
    }
}

/// Registers the analyzers the schema names (Tantivy does not store them).
pub fn register_analyzers(index: &Index) {
    // Simple tokenizer, tokens of 40 bytes or more removed, lower case, English
    // stems: Tantivy's four steps fused into one (`stem.rs`), same tokens.
    let text = TextAnalyzer::from(crate::index::stem::EnglishTokenizer::default());
    index.tokenizers().register(TEXT_ANALYZER, text);
    let key = TextAnalyzer::builder(RawTokenizer::default())
        .filter(LowerCaser)
        .build();
    index.tokenizers().register(KEY_ANALYZER, key);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_open_or_create_then_open() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("idx");
        OmbudsIndex::open_or_create(&path).unwrap();
        OmbudsIndex::open(&path).unwrap();
    }

    #[test]
    fn ok_creation_killed_after_the_version_file_starts_again() {
        // A SIGKILL between writing the version file and creating the index
        // leaves the version file alone: the next ingest starts afresh.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("idx");
        std::fs::create_dir(&path).unwrap();
        std::fs::write(path.join(VERSION_FILE), "{").unwrap();
        OmbudsIndex::open_or_create(&path).unwrap();
        OmbudsIndex::open(&path).unwrap();
    }

    #[test]
    fn err_missing_segment_file_says_how_to_rebuild() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("idx");
        let idx = OmbudsIndex::open_or_create(&path).unwrap();
        let mut writer: tantivy::IndexWriter = idx.index.writer(50_000_000).unwrap();
        writer.add_document(tantivy::doc!(idx.fields.key => "k")).unwrap();
        writer.commit().unwrap();
        drop(writer);
        let pos = std::fs::read_dir(&path)
            .unwrap()
            .flatten()
            .find(|e| e.path().extension().is_some_and(|x| x == "pos"))
            .unwrap();
        std::fs::remove_file(pos.path()).unwrap();
        let err = OmbudsIndex::open(&path).err().unwrap().to_string();
        assert!(err.contains("is missing; the index is damaged; rebuild it"), "{err}");
    }

    #[test]
    fn err_open_other_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("idx");
        OmbudsIndex::open_or_create(&path).unwrap();
        std::fs::write(
            path.join(VERSION_FILE),
            r#"{"format":"ombuds-index","schema_version":999}"#,
        )
        .unwrap();
        let err = OmbudsIndex::open(&path).unwrap_err().to_string();
        assert!(err.contains("version 999"), "{err}");
        assert!(err.contains("ombuds ingest --index"), "{err}");
    }

    #[test]
    fn err_open_missing_or_foreign() {
        let dir = tempfile::tempdir().unwrap();
        let err = OmbudsIndex::open(&dir.path().join("nope")).unwrap_err().to_string();
        assert!(err.contains("does not exist"), "{err}");
        std::fs::write(dir.path().join("file.txt"), "x").unwrap();
        let err = OmbudsIndex::open_or_create(dir.path()).unwrap_err().to_string();
        assert!(err.contains("not empty"), "{err}");
    }
}

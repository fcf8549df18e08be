//! Index files for a writer: takes an index directory and returns a Tantivy
//! [`Directory`] that reads segment files with positioned reads (`pread`)
//! into memory it frees, instead of mapping them.
//!
//! Why: Tantivy's [`MmapDirectory`] maps every segment file a reader opens,
//! and each page a merge touches then counts in the process's resident
//! memory until the merged segments are dropped. On a bulk ingest of 100,000
//! decisions those mapped pages were about 200 MiB of a 430–490 MiB peak, and
//! they grow with the corpus (the largest merges read the largest segments).
//! Read this way, a merge holds only what it is copying at the moment.
//!
//! Small reads (postings and positions of one term, one block of a term
//! dictionary) come from a read-ahead chunk kept per file, so a merge walking a
//! segment's terms in order costs one system call per [`CHUNK`] bytes, not one
//! per term. Everything else (writing, deleting, locking, watching
//! `meta.json`) is the [`MmapDirectory`]'s. Searches use the
//! [`MmapDirectory`] itself: there, mapped pages are the page cache that makes
//! repeated queries fast.

use std::fs::File;
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use tantivy::directory::error::{DeleteError, LockError, OpenDirectoryError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    DirectoryLock, FileHandle, Lock, MmapDirectory, OwnedBytes, WatchCallback, WatchHandle, WritePtr,
};
use tantivy::{Directory, HasLen};

/// The read-ahead of a small read, in bytes: a read of less than this fetches
/// this much from its start (or up to the end of the file) and keeps it for
/// the reads that follow.
pub const CHUNK: usize = 64 * 1024;

/// A [`Directory`] whose reads are positioned reads into owned memory; see the
/// module documentation.
#[derive(Clone, Debug)]
pub struct ReadAtDirectory {
    root: PathBuf,
    inner: MmapDirectory,
}

impl ReadAtDirectory {
    /// Opens the directory `root`, which must exist.
    pub fn open(root: &Path) -> Result<ReadAtDirectory, OpenDirectoryError> {
        Ok(ReadAtDirectory {
            root: root.to_path_buf(),
            inner: MmapDirectory::open(root)?,
        })
    }
}

/// One open file: its length and the last chunk read ahead.
#[derive(Debug)]
struct ReadAtFile {
    file: File,
    len: usize,
    /// The chunk read ahead and the offset it starts at.
    ahead: Mutex<Option<(usize, OwnedBytes)>>,
}

impl ReadAtFile {
    fn read_exact(&self, range: Range<usize>) -> io::Result<OwnedBytes> {
        let mut buf = vec![0; range.len()];
        read_exact_at(&self.file, &mut buf, range.start as u64)?;
        Ok(OwnedBytes::new(buf))
    }
}

/// Fills `buf` from `file` at `offset`, without moving a shared cursor.
#[cfg(unix)]
fn read_exact_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

/// Fills `buf` from `file` at `offset` (Windows moves the file's cursor,
/// which no other read relies on).
#[cfg(windows)]
fn read_exact_at(file: &File, mut buf: &mut [u8], mut offset: u64) -> io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !buf.is_empty() {
        match file.seek_read(buf, offset) {
            Ok(0) => return Err(io::ErrorKind::UnexpectedEof.into()),
            Ok(n) => {
                buf = &mut buf[n..];
                offset += n as u64;
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

impl HasLen for ReadAtFile {
    fn len(&self) -> usize {
        self.len
    }
}

impl FileHandle for ReadAtFile {
    fn read_bytes(&self, range: Range<usize>) -> io::Result<OwnedBytes> {
        if range.start >= range.end {
            return Ok(OwnedBytes::empty());
        }
        if range.end > self.len {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                format!("read of bytes {range:?} past the end of a {}-byte file", self.len),
            ));
        }
        if range.len() >= CHUNK {
            return self.read_exact(range);
        }
        // A poisoned lock only means another reader panicked mid-read; the
        // chunk it left is either whole or absent.
        let mut ahead = self.ahead.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((start, chunk)) = ahead.as_ref() {
            if range.start >= *start && range.end <= start + chunk.len() {
                return Ok(chunk.slice(range.start - start..range.end - start));
            }
        }
        let start = range.start;
        let chunk = self.read_exact(start..(start + CHUNK).min(self.len))?;
        let bytes = chunk.slice(0..range.len());
        *ahead = Some((start, chunk));
        Ok(bytes)
    }
}

impl Directory for ReadAtDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        let full = self.root.join(path);
        let open = || -> io::Result<ReadAtFile> {
            let file = File::open(&full)?;
            let len = usize::try_from(file.metadata()?.len()).map_err(io::Error::other)?;
            Ok(ReadAtFile {
                file,
                len,
                ahead: Mutex::new(None),
            })
        };
        match open() {
            Ok(f) => Ok(Arc::new(f)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Err(OpenReadError::FileDoesNotExist(path.to_path_buf())),
            Err(e) => Err(OpenReadError::wrap_io_error(e, path.to_path_buf())),
        }
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.inner.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        self.inner.atomic_write(path, data)
    }

    fn sync_directory(&self) -> io::Result<()> {
        self.inner.sync_directory()
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        self.inner.acquire_lock(lock)
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file_of(len: usize) -> (tempfile::TempDir, ReadAtDirectory, Vec<u8>) {
        let dir = tempfile::tempdir().unwrap();
        let data: Vec<u8> = (0..len).map(|i| (i * 7 % 251) as u8).collect();
        std::fs::write(dir.path().join("f"), &data).unwrap();
        let d = ReadAtDirectory::open(dir.path()).unwrap();
        (dir, d, data)
    }

    #[test]
    fn ok_reads_match_the_file() {
        let (_dir, d, data) = file_of(3 * CHUNK + 17);
        let h = d.get_file_handle(Path::new("f")).unwrap();
        assert_eq!(h.len(), data.len());
        // Small reads in order (from the chunk), out of order (a new chunk),
        // across a chunk's end, at the file's end, a large read, an empty one.
        for r in [
            0..10,
            10..500,
            CHUNK - 5..CHUNK + 5,
            20..30,
            data.len() - 3..data.len(),
            5..2 * CHUNK + 9,
            7..7,
        ] {
            assert_eq!(h.read_bytes(r.clone()).unwrap().as_slice(), &data[r.clone()], "{r:?}");
        }
    }

    #[test]
    fn err_read_past_the_end_or_missing_file() {
        let (_dir, d, data) = file_of(100);
        let h = d.get_file_handle(Path::new("f")).unwrap();
        let e = h.read_bytes(90..data.len() + 1).unwrap_err();
        assert!(e.to_string().contains("past the end"), "{e}");
        assert!(matches!(
            d.get_file_handle(Path::new("nope")),
            Err(OpenReadError::FileDoesNotExist(_))
        ));
    }
}

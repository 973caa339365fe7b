//! Derived state kept between runs, so that a start does not replay years of meetings.
//!
//! It lives outside the group folder, never synced: in `$HOTSEAT_CACHE_DIR` if set, else
//! in the platform's cache folder, one folder per group (named by a hash of the group
//! folder's canonical path), 0700, files 0600 written atomically. Each file records the
//! [`Stamp`] of every group file it was derived from and is used only while all of them
//! are unchanged. It is never the source of truth: deleting it at any time loses nothing,
//! and anything wrong with it (unreadable, damaged, from another version) only means it
//! is rebuilt from the group folder. Failing to write it is not an error either.

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::binary::{Reader, Writer};
use super::fsio;
use crate::model::partition::fnv1a;

/// The variable that moves the cache (tests, or a machine with a special place for it).
pub const CACHE_DIR_VAR: &str = "HOTSEAT_CACHE_DIR";

/// A file changed this recently may change again within the same timestamp tick without
/// its stamp showing it: such a file is read, but not relied on from a cache.
const SETTLE: Duration = Duration::from_secs(2);

/// The cache folder of one group.
#[derive(Debug, Clone)]
pub struct Cache {
    pub dir: PathBuf,
}

impl Cache {
    /// The cache of the group folder `root`, or `None` when there is no place for one.
    pub fn for_group(root: &Path) -> Option<Cache> {
        let base = match std::env::var_os(CACHE_DIR_VAR).filter(|v| !v.is_empty()) {
            Some(dir) => PathBuf::from(dir),
            None => directories::ProjectDirs::from("", "", "hotseat")?.cache_dir().join("groups"),
        };
        let canonical = std::fs::canonicalize(root).ok()?;
        let key = fnv1a(canonical.as_os_str().as_encoded_bytes());
        Some(Cache { dir: base.join(format!("{key:016x}")) })
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// The bytes of a cache file, if there is one.
    pub fn read(&self, name: &str) -> Option<Vec<u8>> {
        std::fs::read(self.path(name)).ok()
    }

    /// Replace a cache file (by a rename, 0600, in a 0700 folder; not waiting for the
    /// disk, see [`fsio::write_replace`]). A failure is ignored: the next start rebuilds
    /// what it needs.
    pub fn write(&self, name: &str, bytes: &[u8]) {
        if fsio::ensure_dir(&self.dir).is_ok() {
            let _ = fsio::write_replace(&self.path(name), bytes);
        }
    }
}

/// What identifies a file's content without reading it: length, modification and
/// change times (to the nanosecond), inode and device. Writing a file in place changes
/// its change time even when its length stays and its modification time is set back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    mtime: (i64, i64),
    ctime: (i64, i64),
    ino: u64,
    dev: u64,
}

impl Stamp {
    pub fn of(path: &Path) -> Option<Stamp> {
        std::fs::metadata(path).ok().map(|m| Stamp::from_metadata(&m))
    }

    /// The stamp of the folder `path` itself (never through a link): `None` when it is
    /// not a folder.
    pub fn of_folder(path: &Path) -> Option<Stamp> {
        std::fs::symlink_metadata(path).ok().filter(|m| m.is_dir()).map(|m| Stamp::from_metadata(&m))
    }

    fn from_metadata(m: &std::fs::Metadata) -> Stamp {
        Stamp {
            len: m.len(),
            mtime: (m.mtime(), m.mtime_nsec()),
            ctime: (m.ctime(), m.ctime_nsec()),
            ino: m.ino(),
            dev: m.dev(),
        }
    }

    /// The stamp of the file `name` in the open folder `dir` (cheaper than a whole path
    /// for each of hundreds of files in one folder).
    pub fn in_dir(dir: &std::fs::File, name: &str) -> Option<Stamp> {
        Stamp::at(dir, name, 0)
    }

    /// [`Stamp::in_dir`] of a plain file only: `None` for a link (never followed) or
    /// anything else.
    pub fn in_dir_no_follow(dir: &std::fs::File, name: &str) -> Option<Stamp> {
        Stamp::at(dir, name, libc::AT_SYMLINK_NOFOLLOW)
    }

    fn at(dir: &std::fs::File, name: &str, flags: libc::c_int) -> Option<Stamp> {
        use std::os::fd::AsRawFd;
        let name = std::ffi::CString::new(name).ok()?;
        let mut st = std::mem::MaybeUninit::<libc::stat>::zeroed();
        // SAFETY: a valid folder descriptor, a NUL-terminated name and room for the result.
        let r = unsafe { libc::fstatat(dir.as_raw_fd(), name.as_ptr(), st.as_mut_ptr(), flags) };
        if r != 0 {
            return None;
        }
        // SAFETY: fstatat succeeded and filled it.
        let st = unsafe { st.assume_init() };
        if flags & libc::AT_SYMLINK_NOFOLLOW != 0 && st.st_mode & libc::S_IFMT != libc::S_IFREG {
            return None;
        }
        Some(Stamp {
            len: st.st_size as u64,
            mtime: (st.st_mtime, st.st_mtime_nsec),
            ctime: (st.st_ctime, st.st_ctime_nsec),
            ino: st.st_ino,
            dev: st.st_dev,
        })
    }

    /// Changed long enough ago that a later change will show in the stamp.
    pub fn settled(&self, now: SystemTime) -> bool {
        let changed = UNIX_EPOCH + Duration::new(self.ctime.0.max(0) as u64, self.ctime.1.clamp(0, 999_999_999) as u32);
        now.duration_since(changed).is_ok_and(|age| age >= SETTLE)
    }

    pub fn write(&self, w: &mut Writer) {
        for v in [self.len, self.mtime.0 as u64, self.mtime.1 as u64, self.ctime.0 as u64, self.ctime.1 as u64] {
            w.u64(v);
        }
        w.u64(self.ino);
        w.u64(self.dev);
    }

    pub fn read(r: &mut Reader) -> Option<Stamp> {
        Some(Stamp {
            len: r.u64()?,
            mtime: (r.i64()?, r.i64()?),
            ctime: (r.i64()?, r.i64()?),
            ino: r.u64()?,
            dev: r.u64()?,
        })
    }
}

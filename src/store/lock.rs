//! One facilitator at a time: an advisory lock on `.hotseat.lock` in the group folder.
//!
//! The lock is an `flock` held for the whole session, so the kernel releases it when the
//! process dies, however it dies: a lock left by a killed process is simply taken over.
//! The file holds who has it (pid, host, since) for the message the second instance shows.

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::os::fd::AsRawFd;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::error::StoreError;
use super::fsio::{FILE_MODE, ensure_dir};

pub const LOCK_FILE: &str = ".hotseat.lock";

/// Who holds a group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holder {
    pub pid: u32,
    pub host: String,
    pub since: DateTime<FixedOffset>,
}

/// A held lock; released when dropped.
#[derive(Debug)]
pub struct Lock {
    _file: File,
    path: PathBuf,
}

/// The outcome of trying to take the lock.
#[derive(Debug)]
pub enum Acquired {
    Mine(Lock),
    /// Someone else has it (`None` when the file does not say who).
    Held(Option<Holder>),
}

pub fn hostname() -> String {
    let mut buf = [0u8; 256];
    // SAFETY: the buffer is valid for its length; gethostname NUL-terminates on success.
    let r = unsafe { libc::gethostname(buf.as_mut_ptr() as *mut libc::c_char, buf.len()) };
    if r != 0 {
        return "this machine".into();
    }
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    String::from_utf8_lossy(&buf[..end]).into_owned()
}

fn try_flock(f: &File) -> std::io::Result<bool> {
    // SAFETY: flock on a file descriptor we own.
    let r = unsafe { libc::flock(f.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
    if r == 0 {
        return Ok(true);
    }
    let e = std::io::Error::last_os_error();
    if e.raw_os_error() == Some(libc::EWOULDBLOCK) { Ok(false) } else { Err(e) }
}

/// Take the lock of the folder `dir` for this process, or say who has it.
pub fn acquire(dir: &Path, now: DateTime<FixedOffset>) -> Result<Acquired, StoreError> {
    ensure_dir(dir)?;
    let path = dir.join(LOCK_FILE);
    for _ in 0..5 {
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(FILE_MODE)
            .open(&path)
            .map_err(|e| StoreError::io(&path, "open the lock file", &e))?;
        if !try_flock(&file).map_err(|e| StoreError::io(&path, "lock", &e))? {
            let mut text = String::new();
            let _ = file.read_to_string(&mut text);
            return Ok(Acquired::Held(serde_json::from_str(&text).ok()));
        }
        // The file may have been removed and re-created between our open and our lock:
        // make sure the lock is on the file that is at the path now.
        let same = match (file.metadata(), fs::metadata(&path)) {
            (Ok(a), Ok(b)) => a.ino() == b.ino() && a.dev() == b.dev(),
            _ => false,
        };
        if !same {
            continue;
        }
        let me = Holder { pid: std::process::id(), host: hostname(), since: now };
        let mut body = serde_json::to_vec_pretty(&me).expect("holder serialises");
        body.push(b'\n');
        let write = file.set_len(0).and_then(|_| file.rewind()).and_then(|_| file.write_all(&body));
        // No fsync: the lock itself is the kernel's; the file only says who holds it.
        write.map_err(|e| StoreError::io(&path, "write the lock file", &e))?;
        return Ok(Acquired::Mine(Lock { _file: file, path }));
    }
    Ok(Acquired::Held(None))
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Remove the file while still holding the lock, so that no one reads a stale
        // holder; the kernel drops the lock with the descriptor.
        let _ = fs::remove_file(&self.path);
    }
}

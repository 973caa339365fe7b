//! Atomic, private writes: temp file in the same folder, fsync, rename, fsync the folder.
//! Files are 0600 and the folders we create 0700, whatever the umask.

use std::fs::{self, DirBuilder, File, OpenOptions};
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::error::StoreError;

pub const FILE_MODE: u32 = 0o600;
pub const DIR_MODE: u32 = 0o700;

/// A step of a save where a test can make it fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FaultPoint {
    CreateTemp,
    Write,
    Fsync,
    Rename,
    DirFsync,
    /// Writing fails as if the disk were full.
    DiskFull,
}

impl FaultPoint {
    pub fn parse(s: &str) -> Option<FaultPoint> {
        match s.trim().to_ascii_lowercase().as_str() {
            "create" => Some(FaultPoint::CreateTemp),
            "write" => Some(FaultPoint::Write),
            "fsync" => Some(FaultPoint::Fsync),
            "rename" => Some(FaultPoint::Rename),
            "dirfsync" => Some(FaultPoint::DirFsync),
            "diskfull" => Some(FaultPoint::DiskFull),
            _ => None,
        }
    }

    pub const ALL: [FaultPoint; 6] = [
        FaultPoint::CreateTemp,
        FaultPoint::Write,
        FaultPoint::Fsync,
        FaultPoint::Rename,
        FaultPoint::DirFsync,
        FaultPoint::DiskFull,
    ];
}

fn injected(point: FaultPoint) -> std::io::Error {
    match point {
        FaultPoint::DiskFull => std::io::Error::from(std::io::ErrorKind::StorageFull),
        _ => std::io::Error::other(format!("injected failure ({point:?})")),
    }
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// Marker in the name of our temporary files: `.<name>.tmp-<pid>-<n>`.
pub const TEMP_MARK: &str = ".tmp-";
/// Marker of the copy of the previous version kept during a save.
pub const PREV_MARK: &str = ".prev-";

/// Create `dir` and any missing parents, each new one 0700.
pub fn ensure_dir(dir: &Path) -> Result<(), StoreError> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut missing = Vec::new();
    let mut d = dir;
    while !d.as_os_str().is_empty() && !d.exists() {
        missing.push(d.to_path_buf());
        match d.parent() {
            Some(p) => d = p,
            None => break,
        }
    }
    for m in missing.iter().rev() {
        match DirBuilder::new().mode(DIR_MODE).create(m) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && m.is_dir() => continue,
            Err(e) => return Err(StoreError::io(m, "create the folder", &e)),
        }
        fs::set_permissions(m, fs::Permissions::from_mode(DIR_MODE))
            .map_err(|e| StoreError::io(m, "set permissions on", &e))?;
    }
    Ok(())
}

/// Write `bytes` to `path` so that a crash at any moment leaves either the old file or
/// the new one, never a mix. On failure the old file is as it was.
pub fn write_atomic(path: &Path, bytes: &[u8], fault: Option<FaultPoint>) -> Result<(), StoreError> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    ensure_dir(dir)?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let tmp = dir.join(format!(".{name}{TEMP_MARK}{}-{n}", std::process::id()));
    let fail = |p: FaultPoint| if fault == Some(p) { Err(injected(p)) } else { Ok(()) };

    let file = fail(FaultPoint::CreateTemp)
        .and_then(|_| OpenOptions::new().write(true).create_new(true).mode(FILE_MODE).open(&tmp))
        .map_err(|e| StoreError::io(path, "save", &e))?;
    let result = fill(&file, bytes, &fail).map_err(|e| StoreError::io(path, "save", &e));
    drop(file);
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }

    // Keep the previous version by a hard link until the new one is durable, so that a
    // failure after the rename can still put it back.
    let prev = dir.join(format!(".{name}{PREV_MARK}{}-{n}", std::process::id()));
    let had_prev = fs::hard_link(path, &prev).is_ok();
    if let Err(e) = fail(FaultPoint::Rename).and_then(|_| fs::rename(&tmp, path)) {
        let _ = fs::remove_file(&tmp);
        if had_prev {
            let _ = fs::remove_file(&prev);
        }
        return Err(StoreError::io(path, "save", &e));
    }
    if let Err(e) = fail(FaultPoint::DirFsync).and_then(|_| sync_dir(dir)) {
        if had_prev {
            let _ = fs::rename(&prev, path);
        } else {
            let _ = fs::remove_file(path);
        }
        let _ = sync_dir(dir);
        return Err(StoreError::io(path, "save", &e));
    }
    if had_prev {
        let _ = fs::remove_file(&prev);
    }
    Ok(())
}

/// Replace `path` with `bytes` by a rename (0600), without waiting for the disk: for the
/// cache, which a crash may leave as it was, empty or missing (it is rebuilt then: every
/// cache file is checked whole before it is used), but never half old and half new for a
/// reader. Group data is never written this way: see [`write_atomic`].
pub fn write_replace(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    ensure_dir(dir)?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let tmp = dir.join(format!(".{name}{TEMP_MARK}{}-{n}", std::process::id()));
    let written = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(FILE_MODE)
        .open(&tmp)
        .and_then(|mut f| f.write_all(bytes))
        .and_then(|_| fs::rename(&tmp, path));
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    written.map_err(|e| StoreError::io(path, "save", &e))
}

fn fill(mut file: &File, bytes: &[u8], fail: &dyn Fn(FaultPoint) -> std::io::Result<()>) -> std::io::Result<()> {
    file.set_permissions(fs::Permissions::from_mode(FILE_MODE))?;
    fail(FaultPoint::DiskFull)?;
    fail(FaultPoint::Write)?;
    file.write_all(bytes)?;
    fail(FaultPoint::Fsync)?;
    file.sync_all()
}

pub fn sync_dir(dir: &Path) -> std::io::Result<()> {
    File::open(dir)?.sync_all()
}

/// Remove temporary files a killed writer left in `dir`. Files of a process that is
/// still running are left alone.
pub fn clean_temp(dir: &Path) -> Vec<PathBuf> {
    clean_temp_listed(dir, &list(dir))
}

/// The names in `dir` (none when it cannot be read).
pub fn list(dir: &Path) -> Vec<String> {
    let Ok(entries) = fs::read_dir(dir) else { return Vec::new() };
    entries.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect()
}

/// [`clean_temp`] of the folder whose names were just listed.
pub fn clean_temp_listed(dir: &Path, names: &[String]) -> Vec<PathBuf> {
    let mut removed = Vec::new();
    for name in names {
        let Some(pid) = leftover_pid(name) else { continue };
        if pid != std::process::id() && process_alive(pid) {
            continue;
        }
        if name.contains(PREV_MARK) {
            // A previous version kept during an interrupted save: the real file is either
            // the new version (rename happened) or missing (it did not and there was none).
            let real = dir.join(&name[1..name.find(PREV_MARK).unwrap_or(1)]);
            if !real.exists() {
                let _ = fs::rename(dir.join(name), &real);
                removed.push(dir.join(name));
                continue;
            }
        }
        if fs::remove_file(dir.join(name)).is_ok() {
            removed.push(dir.join(name));
        }
    }
    removed
}

/// The writer's pid in the name of one of our leftover files.
pub fn leftover_pid(name: &str) -> Option<u32> {
    if !name.starts_with('.') {
        return None;
    }
    let i = name
        .find(TEMP_MARK)
        .map(|i| i + TEMP_MARK.len())
        .or_else(|| name.find(PREV_MARK).map(|i| i + PREV_MARK.len()))?;
    name[i..].split('-').next()?.parse().ok()
}

pub fn process_alive(pid: u32) -> bool {
    // SAFETY: kill with signal 0 only checks whether the process exists.
    let r = unsafe { libc::kill(pid as libc::pid_t, 0) };
    r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

/// Read a whole file, as bytes. A symbolic link is not followed and anything but a
/// regular file (a fifo, a device) is refused, so shared data cannot point a read elsewhere.
pub fn read(path: &Path) -> Result<Vec<u8>, StoreError> {
    use std::io::Read;
    let mut file = match OpenOptions::new().read(true).custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK).open(path) {
        Ok(f) => f,
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => return Err(not_followed(path)),
        Err(e) => return Err(StoreError::io(path, "read", &e)),
    };
    let meta = file.metadata().map_err(|e| StoreError::io(path, "read", &e))?;
    if !meta.is_file() {
        return Err(not_followed(path));
    }
    // Bounded: whoever can sync the folder may have put a huge file there.
    let too_large = |len: u64| {
        let mb = |b: u64| b / (1024 * 1024);
        let max = super::decode::MAX_FILE_BYTES as u64;
        let msg = format!("the file is too large ({} MB; hotseat reads files up to {} MB)", mb(len), mb(max));
        Err(StoreError::invalid(path, 1, 1, msg))
    };
    if meta.len() > super::decode::MAX_FILE_BYTES as u64 {
        return too_large(meta.len());
    }
    // Sized from the one `fstat` above (`read_to_end` would ask again, and seek).
    let mut bytes = vec![0; meta.len() as usize + 1];
    let mut n = 0;
    loop {
        match file.read(&mut bytes[n..]) {
            Ok(0) => break,
            Ok(k) => {
                n += k;
                if n > super::decode::MAX_FILE_BYTES {
                    return too_large(n as u64);
                }
                if n == bytes.len() {
                    bytes.resize((n * 2).min(super::decode::MAX_FILE_BYTES + 1), 0);
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(StoreError::io(path, "read", &e)),
        }
    }
    bytes.truncate(n);
    Ok(bytes)
}

fn not_followed(path: &Path) -> StoreError {
    StoreError::Io {
        path: path.to_path_buf(),
        action: "use",
        message: "it is a symbolic link or not a regular file, and hotseat never follows one in a group folder"
            .to_string(),
    }
}

/// Refuse `path` when a folder between `root` and it, or the path itself, is a symbolic
/// link or not what it should be (a folder, a regular file). Missing parts are fine: they
/// will be created as real folders. Paths outside `root` are not judged here.
pub fn refuse_links(root: &Path, path: &Path) -> Result<(), StoreError> {
    let Ok(rel) = path.strip_prefix(root) else { return Ok(()) };
    let parts: Vec<_> = rel.components().collect();
    let mut at = root.to_path_buf();
    for (i, part) in parts.iter().enumerate() {
        at.push(part);
        let last = i + 1 == parts.len();
        match fs::symlink_metadata(&at) {
            Ok(m) if (last && m.is_file()) || (!last && m.is_dir()) => {}
            Ok(_) => return Err(not_followed(&at)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(StoreError::io(&at, "read", &e)),
        }
    }
    Ok(())
}

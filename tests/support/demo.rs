//! The bundled demo group, installed into a fresh temp folder.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use hotseat::store::Store;

use super::time::{ANCHOR, day, today};

/// The demo group in its own temp folder, for the meeting day.
pub struct Demo {
    pub tmp: tempfile::TempDir,
    pub root: PathBuf,
}

impl Demo {
    pub fn new() -> Demo {
        Demo::on(today())
    }

    pub fn on(day: NaiveDate) -> Demo {
        let tmp = tempfile::tempdir().expect("temp dir");
        let root = tmp.path().join("group");
        hotseat::store::demo::install(&root, day).expect("demo installs");
        Demo { tmp, root }
    }

    /// The demo on its own date, copied with private modes but without fsync: for
    /// tests that need many fresh copies.
    pub fn quick() -> Demo {
        use std::io::Write;
        use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
        let tmp = tempfile::tempdir().expect("temp dir");
        let root = tmp.path().join("group");
        for (path, text) in hotseat::store::demo::FILES {
            let target = root.join(path);
            let dir = target.parent().expect("a folder");
            std::fs::DirBuilder::new().recursive(true).mode(0o700).create(dir).expect("mkdir");
            let mut f =
                std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(&target).expect("create");
            f.write_all(text.as_bytes()).expect("write");
        }
        Demo { tmp, root }
    }

    pub fn store(&self) -> Store {
        Store::new(&self.root)
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }
}

/// The demo group in `dir`, with its dates as written (meeting on 2030-01-15).
pub fn install_demo(dir: &Path) -> Store {
    hotseat::store::demo::install(dir, day(ANCHOR)).unwrap();
    Store::new(dir)
}

/// The demo as `hotseat demo` installs it: dates moved to the real today, for tests
/// that run the binary (which reads the real clock).
pub fn install_demo_today(dir: &Path) -> Store {
    hotseat::store::demo::install(dir, chrono::Local::now().date_naive()).unwrap();
    Store::new(dir)
}

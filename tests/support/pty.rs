//! A small pseudo-terminal harness: run the real binary in a pty, type keys, read the
//! screen through a VT100 parser, send signals.

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use super::cli::bin;

pub struct Pty {
    master: File,
    pub child: Child,
    screen: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    /// Disconnected once the reader has seen the end of the output: the last process
    /// holding the terminal closed it, so the read returned 0 or EIO.
    output_ended: Receiver<()>,
}

impl Pty {
    pub fn spawn(args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Pty {
        Pty::spawn_with(args, env, cols, rows, None)
    }

    /// Like [`Pty::spawn`], with the child's umask set first.
    pub fn spawn_with(args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16, umask: Option<u32>) -> Pty {
        let mut master: libc::c_int = 0;
        let mut slave: libc::c_int = 0;
        let ws = libc::winsize { ws_row: rows, ws_col: cols, ws_xpixel: 0, ws_ypixel: 0 };
        // SAFETY: openpty writes two descriptors; the pointers are valid.
        let r = unsafe { libc::openpty(&mut master, &mut slave, std::ptr::null_mut(), std::ptr::null(), &ws) };
        assert_eq!(r, 0, "openpty failed");
        // SAFETY: we own both fresh descriptors.
        let slave = unsafe { OwnedFd::from_raw_fd(slave) };
        let master = unsafe { File::from_raw_fd(master) };
        let mut cmd = Command::new(bin());
        cmd.args(args)
            .env("TERM", "xterm-256color")
            .env_remove("NO_COLOR")
            .env("HOTSEAT_PRIVATE_DIR", super::cli::private_dir())
            .env("HOTSEAT_CACHE_DIR", super::cli::cache_dir())
            .stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave));
        for (k, v) in env {
            cmd.env(k, v);
        }
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            cmd.pre_exec(move || {
                if let Some(m) = umask {
                    libc::umask(m as libc::mode_t);
                }
                libc::setsid();
                libc::ioctl(0, libc::TIOCSCTTY, 0);
                Ok(())
            });
        }
        let child = cmd.spawn().expect("spawn hotseat");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = master.try_clone().unwrap();
        let (s2, r2) = (screen.clone(), raw.clone());
        let (ended, output_ended) = mpsc::channel::<()>();
        thread::spawn(move || {
            let _ended = ended;
            let mut buf = [0u8; 65536];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => return,
                    Ok(n) => {
                        s2.lock().unwrap().process(&buf[..n]);
                        r2.lock().unwrap().extend_from_slice(&buf[..n]);
                    }
                }
            }
        });
        Pty { master, child, screen, raw, output_ended }
    }

    pub fn send(&mut self, keys: &str) {
        self.master.write_all(keys.as_bytes()).unwrap();
        self.master.flush().unwrap();
    }

    pub fn text(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    pub fn raw(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    /// Wait until `needle` is on screen; false on timeout.
    pub fn wait_for(&self, needle: &str, timeout: Duration) -> bool {
        let end = Instant::now() + timeout;
        while Instant::now() < end {
            if self.text().contains(needle) {
                return true;
            }
            thread::sleep(Duration::from_millis(3));
        }
        self.text().contains(needle)
    }

    pub fn expect(&self, needle: &str) {
        assert!(self.wait_for(needle, Duration::from_secs(10)), "never saw {needle:?} on screen:\n{}", self.text());
    }

    pub fn signal(&self, sig: libc::c_int) {
        // SAFETY: sending a signal to our own child.
        unsafe {
            libc::kill(self.child.id() as libc::pid_t, sig);
        }
    }

    /// Wait for the program to exit and for everything it wrote to be read, with a limit.
    pub fn wait(&mut self, timeout: Duration) -> ExitStatus {
        let end = Instant::now() + timeout;
        loop {
            if let Some(st) = self.child.try_wait().unwrap() {
                self.read_to_end(end);
                return st;
            }
            if Instant::now() > end {
                self.signal(libc::SIGKILL);
                panic!("hotseat did not exit in time; screen:\n{}", self.text());
            }
            thread::sleep(Duration::from_millis(5));
        }
    }
}

impl Pty {
    /// Block until the reader has reached the end of the output (the program and
    /// everything it started closed the terminal), so `raw` and `text` are complete.
    fn read_to_end(&self, end: Instant) {
        match self.output_ended.recv_timeout(end.saturating_duration_since(Instant::now())) {
            Err(RecvTimeoutError::Disconnected) => {}
            Ok(()) => unreachable!("the reader sends nothing; it only hangs up"),
            Err(RecvTimeoutError::Timeout) => {
                panic!("hotseat exited but its terminal output never ended; screen:\n{}", self.text())
            }
        }
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Count the occurrences of `needle` in `hay`.
pub fn count(hay: &[u8], needle: &[u8]) -> usize {
    hay.windows(needle.len()).filter(|w| *w == needle).count()
}

pub const ENTER_ALT: &[u8] = b"\x1b[?1049h";
pub const LEAVE_ALT: &[u8] = b"\x1b[?1049l";
pub const SHOW_CURSOR: &[u8] = b"\x1b[?25h";
pub const HIDE_CURSOR: &[u8] = b"\x1b[?25l";

/// Where `needle` last occurs in `hay`.
pub fn last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

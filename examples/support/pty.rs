//! Running a program under a pseudo-terminal for the benchmarks: spawn it at a size, read
//! what it writes through a terminal emulator (vt100), wait for a screen, send keys, and
//! read what /proc says about its threads.

#![allow(dead_code)]

use std::ffi::CString;
use std::io;
use std::os::fd::RawFd;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A test of what is on the emulated screen.
pub type Check<'a> = &'a dyn Fn(&vt100::Screen) -> bool;

/// A quiet gap this long after the marker means the frame is complete.
pub const SETTLE: Duration = Duration::from_millis(15);
pub const LIMIT: Duration = Duration::from_secs(15);

// ----- a program under a pseudo-terminal -----

pub struct Pty {
    pub name: &'static str,
    pub pid: libc::pid_t,
    pub fd: RawFd,
    vt: vt100::Parser,
    pub bytes: u64,
    pub last_read: Instant,
    pub spawned: Instant,
    exited: bool,
}

fn cstr(s: &str) -> CString {
    CString::new(s).expect("no NUL in arguments")
}

pub fn spawn(name: &'static str, argv: &[String], cols: u16, rows: u16) -> io::Result<Pty> {
    let args: Vec<CString> = argv.iter().map(|s| cstr(s)).collect();
    let mut argp: Vec<*const libc::c_char> = args.iter().map(|c| c.as_ptr()).collect();
    argp.push(std::ptr::null());
    let env: Vec<CString> = std::env::vars()
        .filter(|(k, _)| k != "TERM" && k != "NO_COLOR" && k != "COLUMNS" && k != "LINES")
        .map(|(k, v)| cstr(&format!("{k}={v}")))
        .chain([cstr("TERM=xterm-256color")])
        .collect();
    let mut envp: Vec<*const libc::c_char> = env.iter().map(|c| c.as_ptr()).collect();
    envp.push(std::ptr::null());

    let ws = libc::winsize { ws_row: rows, ws_col: cols, ws_xpixel: 0, ws_ypixel: 0 };
    let (mut master, mut slave) = (0, 0);
    // SAFETY: plain libc calls with valid pointers; the child only calls async-signal-safe
    // functions between fork and exec.
    unsafe {
        if libc::openpty(&mut master, &mut slave, std::ptr::null_mut(), std::ptr::null(), &ws) != 0 {
            return Err(io::Error::last_os_error());
        }
        libc::fcntl(master, libc::F_SETFD, libc::FD_CLOEXEC);
        libc::fcntl(slave, libc::F_SETFD, libc::FD_CLOEXEC);
        let spawned = Instant::now();
        let pid = libc::fork();
        if pid < 0 {
            return Err(io::Error::last_os_error());
        }
        if pid == 0 {
            libc::setsid();
            libc::ioctl(slave, libc::TIOCSCTTY as _, 0);
            libc::dup2(slave, 0);
            libc::dup2(slave, 1);
            libc::dup2(slave, 2);
            libc::execve(argp[0], argp.as_ptr(), envp.as_ptr());
            libc::_exit(127);
        }
        libc::close(slave);
        Ok(Pty {
            name,
            pid,
            fd: master,
            vt: vt100::Parser::new(rows, cols, 0),
            bytes: 0,
            last_read: spawned,
            spawned,
            exited: false,
        })
    }
}

impl Pty {
    /// Read what is there (waiting up to `timeout`); `false` once the program has gone.
    pub fn pump(&mut self, timeout: Duration) -> bool {
        if self.exited {
            return false;
        }
        let mut p = libc::pollfd { fd: self.fd, events: libc::POLLIN, revents: 0 };
        // SAFETY: one valid pollfd.
        let n = unsafe { libc::poll(&mut p, 1, timeout.as_millis().min(i32::MAX as u128) as i32) };
        if n <= 0 {
            return true;
        }
        self.read_now()
    }

    pub fn read_now(&mut self) -> bool {
        let mut buf = [0u8; 65536];
        // SAFETY: reading into a stack buffer of the given length.
        let n = unsafe { libc::read(self.fd, buf.as_mut_ptr().cast(), buf.len()) };
        if n <= 0 {
            self.exited = true;
            return false;
        }
        self.last_read = Instant::now();
        self.bytes += n as u64;
        self.vt.process(&buf[..n as usize]);
        true
    }

    pub fn screen(&self) -> &vt100::Screen {
        self.vt.screen()
    }

    /// Wait until `done` holds on the screen; the time it first held.
    pub fn wait_for(&mut self, done: Check) -> io::Result<Instant> {
        let end = Instant::now() + LIMIT;
        while !done(self.screen()) {
            if Instant::now() > end || !self.pump(Duration::from_millis(50)) {
                return Err(io::Error::other(format!(
                    "{}: the expected screen did not appear; it shows:\n{}",
                    self.name,
                    self.screen().contents()
                )));
            }
        }
        Ok(self.last_read)
    }

    /// Wait until `done` holds and then no byte comes for [`SETTLE`]: the time of the last
    /// byte of that frame.
    pub fn wait_frame(&mut self, done: Check) -> io::Result<Instant> {
        self.wait_for(done)?;
        while self.pump(SETTLE) && self.last_read.elapsed() < SETTLE {}
        Ok(self.last_read)
    }

    pub fn send(&mut self, keys: &[u8]) -> io::Result<Instant> {
        let t = Instant::now();
        // SAFETY: writing a byte slice to our own fd.
        let n = unsafe { libc::write(self.fd, keys.as_ptr().cast(), keys.len()) };
        if n != keys.len() as isize {
            return Err(io::Error::last_os_error());
        }
        Ok(t)
    }

    /// Read whatever arrives for `d`.
    pub fn drain(&mut self, d: Duration) {
        let end = Instant::now() + d;
        while Instant::now() < end && self.pump(end.saturating_duration_since(Instant::now())) {}
    }

    /// Send the quit keys and wait for the program to exit (killing it after a while).
    pub fn quit(mut self, keys: &[u8]) -> io::Result<i32> {
        self.send(keys)?;
        let end = Instant::now() + LIMIT;
        loop {
            let mut status = 0;
            // SAFETY: waiting for our own child.
            let r = unsafe { libc::waitpid(self.pid, &mut status, libc::WNOHANG) };
            if r == self.pid {
                // SAFETY: closing our own fd.
                unsafe { libc::close(self.fd) };
                return Ok(if libc::WIFEXITED(status) { libc::WEXITSTATUS(status) } else { -1 });
            }
            if Instant::now() > end {
                // SAFETY: signalling our own child.
                unsafe { libc::kill(self.pid, libc::SIGKILL) };
            }
            self.pump(Duration::from_millis(20));
            if self.exited {
                std::thread::sleep(Duration::from_millis(2));
            }
        }
    }
}

// ----- what /proc says about a process -----

#[derive(Debug, Clone, Copy, Default)]
pub struct Usage {
    pub switches: u64,
    /// Of `switches`, the involuntary ones (preempted, not sleeping).
    pub involuntary: u64,
    pub main_switches: u64,
    pub cpu_ns: u64,
    pub at: Option<Instant>,
}

fn status_field(text: &str, key: &str) -> u64 {
    text.lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix(':').map(|v| v.split_whitespace().next().unwrap_or("0")))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

pub fn usage(pid: libc::pid_t) -> Usage {
    let mut u = Usage { at: Some(Instant::now()), ..Usage::default() };
    let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).into_iter().flatten().flatten();
    for t in tasks {
        let status = std::fs::read_to_string(t.path().join("status")).unwrap_or_default();
        let involuntary = status_field(&status, "nonvoluntary_ctxt_switches");
        let n = status_field(&status, "voluntary_ctxt_switches") + involuntary;
        u.switches += n;
        u.involuntary += involuntary;
        if t.file_name().to_string_lossy() == pid.to_string() {
            u.main_switches = n;
        }
        let sched = std::fs::read_to_string(t.path().join("schedstat")).unwrap_or_default();
        u.cpu_ns += sched.split_whitespace().next().and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
    }
    u
}

pub fn peak_rss_kb(pid: libc::pid_t) -> u64 {
    status_field(&std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default(), "VmHWM")
}

// ----- figures -----

pub fn median(v: &mut [f64]) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len();
    if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2.0 }
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

pub fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpu.lines().find_map(|l| l.strip_prefix("model name")).map(|v| v.trim_start_matches([' ', '\t', ':']));
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0);
    let os = std::fs::read_to_string("/etc/os-release")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("PRETTY_NAME=").map(|v| v.trim_matches('"').to_string()))
        .unwrap_or_default();
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    format!("{} core(s), {}, {os}, Linux {}", cores, model.unwrap_or("unknown CPU"), kernel.trim())
}

/// Wall time and peak RSS (KB) of one run of a command, its output thrown away.
pub fn command(argv: &[String]) -> io::Result<(f64, u64)> {
    let t = Instant::now();
    let child = Command::new(&argv[0])
        .args(&argv[1..])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    let (mut status, mut ru) = (0, std::mem::MaybeUninit::<libc::rusage>::zeroed());
    // SAFETY: waiting for our own child, with valid pointers.
    let r = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, ru.as_mut_ptr()) };
    let took = ms(t.elapsed());
    if r < 0 || !libc::WIFEXITED(status) || libc::WEXITSTATUS(status) != 0 {
        return Err(io::Error::other(format!("{} failed", argv[1..].join(" "))));
    }
    // SAFETY: wait4 filled it.
    let ru = unsafe { ru.assume_init() };
    Ok((took, ru.ru_maxrss as u64))
}

pub fn mark(ok: bool) -> &'static str {
    if ok { "ok" } else { "OVER" }
}

pub fn row(s: &vt100::Screen, n: usize) -> String {
    s.rows(0, s.size().1).nth(n).unwrap_or_default()
}

pub fn last_row(s: &vt100::Screen) -> String {
    s.rows(0, s.size().1).last().unwrap_or_default()
}

/// Build the release binary and the floor first, when run through cargo.
pub fn build() -> io::Result<()> {
    let Some(cargo) = std::env::var_os("CARGO") else { return Ok(()) };
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
    let ok = Command::new(cargo)
        .args(["build", "--release", "--quiet", "--bin", "hotseat", "--example", "floor", "--manifest-path"])
        .arg(manifest)
        .status()?
        .success();
    if !ok {
        return Err(io::Error::other("cargo build failed"));
    }
    Ok(())
}

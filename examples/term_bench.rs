//! The terminal benchmark: run the release `hotseat meeting` on a ten-year history and the
//! bare-ratatui floor (`examples/floor.rs`) side by side under pseudo-terminals, read what
//! they write through a terminal emulator (vt100), and report what a person would feel.
//!
//! ```sh
//! cargo run --release --example term_bench -- [--idle 30] [--runs 7] [--data DIR]
//! ```
//!
//! Run on demand; it is not part of `cargo test` or CI's pass/fail. It builds the release
//! binary and the floor first (when run through cargo), generates the ten-year history
//! once into `target/bench-history/`, and works on a copy of it.
//!
//! Figures, each for hotseat and for the floor, measured in the same run:
//! - exec → first full frame (median of `--runs` starts, alternating which goes first);
//! - key press → updated frame (hotseat: `?` opens the help and `Esc` closes it;
//!   the floor: any key redraws its line), the time until the last byte of the frame;
//! - while a countdown runs idle for `--idle` seconds, side by side: wake-ups per second
//!   (voluntary + involuntary context switches of every thread), CPU (scheduler run time
//!   of every thread) and bytes written to the terminal per second;
//! - peak RSS (VmHWM);
//! - and `hotseat actions --json` wall time on the same history.

#[path = "support/history.rs"]
mod history;

use std::ffi::CString;
use std::io;
use std::os::fd::RawFd;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use clap::Parser;

#[derive(Parser)]
#[command(about = "Measure hotseat against a bare ratatui floor under a pseudo-terminal")]
struct Args {
    /// Seconds of idle countdown to measure
    #[arg(long, default_value_t = 30.0)]
    idle: f64,
    /// Starts of each program for the first-frame median
    #[arg(long, default_value_t = 7)]
    runs: usize,
    /// Key presses for the key → frame median
    #[arg(long, default_value_t = 20)]
    keys: usize,
    /// A group folder to use (copied first) instead of the generated ten-year history
    #[arg(long)]
    data: Option<PathBuf>,
    #[arg(long, default_value_t = 120)]
    cols: u16,
    #[arg(long, default_value_t = 40)]
    rows: u16,
    /// Do not run `cargo build` first
    #[arg(long)]
    no_build: bool,
}

/// A quiet gap this long after the marker means the frame is complete.
/// A test of what is on the emulated screen.
type Check<'a> = &'a dyn Fn(&vt100::Screen) -> bool;

const SETTLE: Duration = Duration::from_millis(15);
const LIMIT: Duration = Duration::from_secs(15);

fn main() {
    let a = Args::parse();
    if let Err(e) = run(&a) {
        eprintln!("term_bench: {e}");
        std::process::exit(1);
    }
}

// ----- a program under a pseudo-terminal -----

struct Pty {
    name: &'static str,
    pid: libc::pid_t,
    fd: RawFd,
    vt: vt100::Parser,
    bytes: u64,
    last_read: Instant,
    spawned: Instant,
    exited: bool,
}

fn cstr(s: &str) -> CString {
    CString::new(s).expect("no NUL in arguments")
}

fn spawn(name: &'static str, argv: &[String], cols: u16, rows: u16) -> io::Result<Pty> {
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
    fn pump(&mut self, timeout: Duration) -> bool {
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

    fn read_now(&mut self) -> bool {
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

    fn screen(&self) -> &vt100::Screen {
        self.vt.screen()
    }

    /// Wait until `done` holds on the screen; the time it first held.
    fn wait_for(&mut self, done: Check) -> io::Result<Instant> {
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
    fn wait_frame(&mut self, done: Check) -> io::Result<Instant> {
        self.wait_for(done)?;
        while self.pump(SETTLE) && self.last_read.elapsed() < SETTLE {}
        Ok(self.last_read)
    }

    fn send(&mut self, keys: &[u8]) -> io::Result<Instant> {
        let t = Instant::now();
        // SAFETY: writing a byte slice to our own fd.
        let n = unsafe { libc::write(self.fd, keys.as_ptr().cast(), keys.len()) };
        if n != keys.len() as isize {
            return Err(io::Error::last_os_error());
        }
        Ok(t)
    }

    /// Read whatever arrives for `d`.
    fn drain(&mut self, d: Duration) {
        let end = Instant::now() + d;
        while Instant::now() < end && self.pump(end.saturating_duration_since(Instant::now())) {}
    }

    /// Send the quit keys and wait for the program to exit (killing it after a while).
    fn quit(mut self, keys: &[u8]) -> io::Result<i32> {
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
struct Usage {
    switches: u64,
    /// Of `switches`, the involuntary ones (preempted, not sleeping).
    involuntary: u64,
    main_switches: u64,
    cpu_ns: u64,
    at: Option<Instant>,
}

fn status_field(text: &str, key: &str) -> u64 {
    text.lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix(':').map(|v| v.split_whitespace().next().unwrap_or("0")))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

fn usage(pid: libc::pid_t) -> Usage {
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

fn peak_rss_kb(pid: libc::pid_t) -> u64 {
    status_field(&std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default(), "VmHWM")
}

// ----- the two programs -----

struct Subject {
    name: &'static str,
    argv: Vec<String>,
    /// The first full frame is on screen.
    ready: fn(&vt100::Screen) -> bool,
    quit: &'static [u8],
}

fn last_row(s: &vt100::Screen) -> String {
    s.rows(0, s.size().1).last().unwrap_or_default()
}

fn ours_ready(s: &vt100::Screen) -> bool {
    // The phase bar is near the top and the footer is the last row written.
    s.rows(0, s.size().1).nth(1).is_some_and(|r| r.contains("Hot seats")) && last_row(s).contains("quit")
}

fn floor_ready(s: &vt100::Screen) -> bool {
    s.contents().contains("floor") && s.rows(0, s.size().1).nth(2).is_some_and(|r| r.starts_with('└'))
}

fn median(v: &mut [f64]) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len();
    if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2.0 }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn build(release: &Path) -> io::Result<()> {
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
    let _ = release;
    Ok(())
}

fn machine() -> String {
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

fn run(a: &Args) -> io::Result<()> {
    let exe = std::env::current_exe()?;
    let release = exe.parent().and_then(Path::parent).map(Path::to_path_buf).unwrap_or_default();
    if !a.no_build {
        build(&release)?;
    }
    let hotseat = release.join("hotseat");
    let floor = release.join("examples").join("floor");
    for p in [&hotseat, &floor] {
        if !p.exists() {
            return Err(io::Error::other(format!(
                "{} is missing; run `cargo build --release --bin hotseat --example floor`",
                p.display()
            )));
        }
    }
    let source = match &a.data {
        Some(d) => d.clone(),
        None => history::cached(&history::Options::new(20, 10)).map_err(|e| io::Error::other(e.to_string()))?,
    };
    let scratch = tempfile::tempdir()?;
    let data = scratch.path().join("group");
    history::copy_dir(&source, &data)?;
    let data_s = data.display().to_string();

    println!("machine: {}", machine());
    println!("terminal: {}×{}, idle {} s, {} starts each, {} key presses each", a.cols, a.rows, a.idle, a.runs, a.keys);

    let ours = Subject {
        name: "hotseat",
        argv: vec![hotseat.display().to_string(), "meeting".into(), "--data-dir".into(), data_s.clone()],
        ready: ours_ready,
        quit: b"qy",
    };
    let base = Subject { name: "floor", argv: vec![floor.display().to_string()], ready: floor_ready, quit: b"q" };

    // 1. Exec → first full frame, alternating which program starts first.
    let (mut first_ours, mut first_floor) = (Vec::new(), Vec::new());
    for r in 0..a.runs.max(1) {
        let pair: [(&Subject, bool); 2] =
            if r % 2 == 0 { [(&base, false), (&ours, true)] } else { [(&ours, true), (&base, false)] };
        for (s, is_ours) in pair {
            let mut p = spawn(s.name, &s.argv, a.cols, a.rows)?;
            let t = p.wait_for(&s.ready)?;
            let v = ms(t - p.spawned);
            if is_ours {
                first_ours.push(v)
            } else {
                first_floor.push(v)
            }
            p.drain(Duration::from_millis(30));
            p.quit(s.quit)?;
        }
    }

    // 2. One long session of each, side by side.
    let mut po = spawn(ours.name, &ours.argv, a.cols, a.rows)?;
    po.wait_for(&ours.ready)?;
    let mut pf = spawn(base.name, &base.argv, a.cols, a.rows)?;
    pf.wait_for(&base.ready)?;
    po.drain(Duration::from_millis(200));
    pf.drain(Duration::from_millis(200));

    // Key press → updated frame.
    let help_open = |s: &vt100::Screen| s.contents().contains("other key closes");
    let help_closed = |s: &vt100::Screen| !s.contents().contains("other key closes") && last_row(s).contains("quit");
    let mut key_ours = Vec::new();
    for i in 0..a.keys.max(1) {
        let (keys, done): (&[u8], Check) = if i % 2 == 0 { (b"?", &help_open) } else { (b"\x1b", &help_closed) };
        pf.drain(Duration::from_millis(1));
        po.drain(Duration::from_millis(40));
        let t = po.send(keys)?;
        key_ours.push(ms(po.wait_frame(done)? - t));
    }
    if !help_closed(po.screen()) {
        let t = po.send(b"\x1b")?;
        po.wait_frame(&help_closed)?;
        let _ = t;
    }
    let mut key_floor = Vec::new();
    for i in 0..a.keys.max(1) {
        po.drain(Duration::from_millis(1));
        pf.drain(Duration::from_millis(40));
        let want = format!("keys {}", i + 1);
        let t = pf.send(b"x")?;
        key_floor.push(ms(pf.wait_frame(&|s: &vt100::Screen| s.contents().contains(&want))? - t));
    }

    // Space: start the countdown (it resumes paused); this one saves the meeting too.
    let mut space_ours = Vec::new();
    for i in 0..5 {
        po.drain(Duration::from_millis(60));
        let want: Check = if i % 2 == 0 {
            &|s: &vt100::Screen| s.contents().contains(" running ")
        } else {
            &|s: &vt100::Screen| s.contents().contains("PAUSED")
        };
        let t = po.send(b" ")?;
        space_ours.push(ms(po.wait_frame(want)? - t));
    }

    // Idle with the countdown running, both side by side.
    let settle_end = Instant::now() + Duration::from_millis(1500);
    while Instant::now() < settle_end {
        po.pump(Duration::from_millis(5));
        pf.pump(Duration::from_millis(5));
    }
    let (b0o, b0f) = (po.bytes, pf.bytes);
    let (u0o, u0f) = (usage(po.pid), usage(pf.pid));
    let idle_end = Instant::now() + Duration::from_secs_f64(a.idle.max(1.0));
    while Instant::now() < idle_end {
        let mut fds = [
            libc::pollfd { fd: po.fd, events: libc::POLLIN, revents: 0 },
            libc::pollfd { fd: pf.fd, events: libc::POLLIN, revents: 0 },
        ];
        let left = idle_end.saturating_duration_since(Instant::now()).as_millis().max(1) as i32;
        // SAFETY: two valid pollfds.
        unsafe { libc::poll(fds.as_mut_ptr(), 2, left) };
        if fds[0].revents != 0 {
            po.read_now();
        }
        if fds[1].revents != 0 {
            pf.read_now();
        }
    }
    let (u1o, u1f) = (usage(po.pid), usage(pf.pid));
    let (b1o, b1f) = (po.bytes, pf.bytes);
    let rss_o = peak_rss_kb(po.pid);
    let rss_f = peak_rss_kb(pf.pid);
    let idle_shown = po.screen().contents().contains(" running ");
    po.quit(ours.quit)?;
    pf.quit(base.quit)?;

    // 3. `hotseat actions --json`.
    let mut actions = Vec::new();
    for _ in 0..a.runs.max(3) {
        let t = Instant::now();
        let ok = Command::new(&hotseat)
            .args(["actions", "--json", "--data-dir", &data_s])
            .stdout(Stdio::null())
            .status()?
            .success();
        if !ok {
            return Err(io::Error::other("hotseat actions --json failed"));
        }
        actions.push(ms(t.elapsed()));
    }

    // Report.
    let per_s = |u0: Usage, u1: Usage| {
        let dt = (u1.at.expect("taken") - u0.at.expect("taken")).as_secs_f64();
        (
            (u1.switches - u0.switches) as f64 / dt,
            (u1.main_switches - u0.main_switches) as f64 / dt,
            (u1.involuntary - u0.involuntary) as f64 / dt,
            (u1.cpu_ns - u0.cpu_ns) as f64 / 1e9 / dt * 100.0,
            dt,
        )
    };
    let (wo, wmo, io, co, dt) = per_s(u0o, u1o);
    let (wf, wmf, iff, cf, _) = per_s(u0f, u1f);
    let (bo, bf) = ((b1o - b0o) as f64 / dt, (b1f - b0f) as f64 / dt);
    let ff_o = median(&mut first_ours);
    let ff_f = median(&mut first_floor);
    let k_o = median(&mut key_ours);
    let k_f = median(&mut key_floor);
    let sp = median(&mut space_ours);
    let act = median(&mut actions);

    let mark = |ok: bool| if ok { "ok" } else { "OVER" };
    println!();
    println!("{:<44} {:>10} {:>10} {:>8}  budget", "figure", "hotseat", "floor", "ratio");
    println!(
        "{:<44} {:>8.1}ms {:>8.1}ms {:>7.2}×  ≤ 1.5× floor  {}",
        "exec → first full frame (median)",
        ff_o,
        ff_f,
        ff_o / ff_f,
        mark(ff_o <= 1.5 * ff_f)
    );
    println!(
        "{:<44} {:>8.2}ms {:>8.2}ms {:>+7.2}ms  ≤ floor + 2 ms  {}",
        "key → updated frame (median; ?/Esc vs key)",
        k_o,
        k_f,
        k_o - k_f,
        mark(k_o <= k_f + 2.0)
    );
    println!("{:<44} {:>8.2}ms {:>10} {:>8}", "Space → frame (pause/resume + save, median)", sp, "–", "");
    println!(
        "{:<44} {:>10.2} {:>10.2} {:>8.2}  ≤ 2/s  {}",
        "idle wake-ups/s (all threads)",
        wo,
        wf,
        wo / wf.max(1e-9),
        mark(wo <= 2.0)
    );
    println!("{:<44} {:>10.2} {:>10.2} {:>8}", "idle wake-ups/s (main thread)", wmo, wmf, "");
    println!("{:<44} {:>10.2} {:>10.2} {:>8}", "  of which preempted (involuntary)/s", io, iff, "");
    println!("{:<44} {:>9.3}% {:>9.3}% {:>8}  ~0%  {}", "idle CPU (one core)", co, cf, "", mark(co < 1.0));
    println!(
        "{:<44} {:>10.1} {:>10.1} {:>8.2}  ≤ 100 B/s  {}",
        "idle bytes/s to the terminal",
        bo,
        bf,
        bo / bf.max(1e-9),
        mark(bo <= 100.0)
    );
    println!(
        "{:<44} {:>8.1}MB {:>8.1}MB {:>8.2}  ≤ 32 MB  {}",
        "peak RSS (VmHWM)",
        rss_o as f64 / 1024.0,
        rss_f as f64 / 1024.0,
        rss_o as f64 / rss_f.max(1) as f64,
        mark(rss_o <= 32 * 1024)
    );
    println!(
        "{:<44} {:>8.1}ms {:>10} {:>8}  ≤ 100 ms  {}",
        "hotseat actions --json (median)",
        act,
        "–",
        "",
        mark(act <= 100.0)
    );
    if !idle_shown {
        println!("warning: the hotseat countdown was not running during the idle phase");
    }
    println!();
    println!("raw first frames, hotseat ms: {first_ours:.1?}");
    println!("raw first frames, floor ms:   {first_floor:.1?}");
    Ok(())
}

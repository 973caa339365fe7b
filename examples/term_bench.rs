//! The terminal benchmark: run every hotseat program on a ten-year history beside a
//! bare-ratatui floor (`examples/floor.rs`) under pseudo-terminals, read what they write
//! through a terminal emulator (vt100), and report what a person would feel.
//!
//! ```sh
//! cargo run --release --example term_bench -- [--idle 30] [--runs 7] [--floor full|line] [--data DIR]
//! ```
//!
//! Run on demand; it is not part of `cargo test` or CI's pass/fail. It builds the release
//! binary and the floor first (when run through cargo), generates the ten-year and the
//! one-year history once into `target/bench-history/`, and works on copies of them, with
//! hotseat's cache in a scratch folder (`HOTSEAT_CACHE_DIR`).
//!
//! Figures, each measured in the same run as the floor's:
//! - exec → first full frame of `hotseat meeting`, `hotseat` (home) and `hotseat me
//!   --member ID` on ten years, and of `hotseat me` on one year (median of `--runs` starts,
//!   the order of the programs turning each round); `hotseat me`'s first start with no
//!   cache is shown apart;
//! - key press → updated frame (`?` opens the help and `Esc` closes it; the floor: any key
//!   redraws), the time until the last byte of the frame;
//! - idle for `--idle` seconds, all side by side (the meeting's countdown running):
//!   wake-ups per second (voluntary + involuntary context switches of every thread), CPU
//!   and bytes written to the terminal per second; then peak RSS (VmHWM);
//! - the command-line commands: wall time (median) and peak RSS (the largest of the runs).

#[path = "support/history.rs"]
mod history;
#[path = "support/pty.rs"]
mod pty;

use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use clap::Parser;
use pty::{Check, Pty, Usage, build, command, last_row, mark, median, ms, row, spawn, usage};

#[derive(Parser)]
#[command(about = "Measure every hotseat program against a bare ratatui floor under a pseudo-terminal")]
struct Args {
    /// Seconds of idle to measure
    #[arg(long, default_value_t = 30.0)]
    idle: f64,
    /// Starts of each program for the first-frame median
    #[arg(long, default_value_t = 7)]
    runs: usize,
    /// Key presses for the key → frame median
    #[arg(long, default_value_t = 20)]
    keys: usize,
    /// The floor: `full` (a full screen of panels) or `line` (one bordered line)
    #[arg(long, default_value = "full")]
    floor: String,
    /// A group folder to use (copied first) instead of the generated ten-year history
    #[arg(long)]
    data: Option<PathBuf>,
    /// The member whose view is measured
    #[arg(long, default_value = "ada")]
    member: String,
    #[arg(long, default_value_t = 120)]
    cols: u16,
    #[arg(long, default_value_t = 40)]
    rows: u16,
    /// Do not run `cargo build` first
    #[arg(long)]
    no_build: bool,
    /// Measure this hotseat binary (e.g. one built from an older commit) instead of the release build
    #[arg(long)]
    hotseat: Option<PathBuf>,
    /// Also measure this older binary, interleaved in the same run (first frames, commands)
    #[arg(long)]
    before: Option<PathBuf>,
    /// Measure the first frames only (no keys, idle or commands): a quick look while working
    #[arg(long)]
    first_only: bool,
}

fn main() {
    let a = Args::parse();
    if let Err(e) = run(&a) {
        eprintln!("term_bench: {e}");
        std::process::exit(1);
    }
}

/// One program under test.
struct Subject {
    name: &'static str,
    argv: Vec<String>,
    /// The first full frame is on screen.
    ready: fn(&vt100::Screen) -> bool,
    quit: &'static [u8],
}

impl Subject {
    fn start(&self, a: &Args) -> io::Result<Pty> {
        let mut p = spawn(self.name, &self.argv, a.cols, a.rows)?;
        p.wait_for(&self.ready)?;
        Ok(p)
    }
}

/// The phase bar is near the top and the footer is the last row written (the meeting and
/// the full-screen floor).
fn meeting_ready(s: &vt100::Screen) -> bool {
    row(s, 1).contains("Hot seats") && last_row(s).contains("quit")
}

fn home_ready(s: &vt100::Screen) -> bool {
    s.contents().contains("Open action steps") && last_row(s).contains("quit")
}

fn me_ready(s: &vt100::Screen) -> bool {
    s.contents().contains("My action steps") && last_row(s).contains("quit")
}

fn line_floor_ready(s: &vt100::Screen) -> bool {
    s.contents().contains("floor") && row(s, 2).starts_with('└')
}

/// A generated history copied into `scratch`, or the folder given.
fn copy_of(given: Option<&PathBuf>, years: u32, scratch: &Path, name: &str) -> io::Result<String> {
    let source = match given {
        Some(d) => d.clone(),
        None => history::cached(&history::Options::new(20, years)).map_err(|e| io::Error::other(e.to_string()))?,
    };
    let data = scratch.join(name);
    history::copy_dir(&source, &data)?;
    Ok(data.display().to_string())
}

fn hotseat_argv(hotseat: &Path, args: &[&str], data: &str) -> Vec<String> {
    let mut v = vec![hotseat.display().to_string()];
    v.extend(args.iter().map(|s| s.to_string()));
    v.extend(["--data-dir".to_string(), data.to_string()]);
    v
}

fn run(a: &Args) -> io::Result<()> {
    let exe = std::env::current_exe()?;
    let release = exe.parent().and_then(Path::parent).map(Path::to_path_buf).unwrap_or_default();
    if !a.no_build {
        build()?;
    }
    let hotseat = a.hotseat.clone().unwrap_or_else(|| release.join("hotseat"));
    let floor = release.join("examples").join("floor");
    for p in [&hotseat, &floor] {
        if !p.exists() {
            return Err(io::Error::other(format!(
                "{} is missing; run `cargo build --release --bin hotseat --example floor`",
                p.display()
            )));
        }
    }
    let scratch = tempfile::tempdir()?;
    let ten = copy_of(a.data.as_ref(), 10, scratch.path(), "ten")?;
    let one = copy_of(None, 1, scratch.path(), "one")?;
    let cache = scratch.path().join("cache");
    // The copies are new files: a cache relies only on files changed over 2 s ago, as the
    // meeting files of a real group are.
    std::thread::sleep(Duration::from_millis(2100));
    // SAFETY: set before any thread is started; every child inherits it.
    unsafe { std::env::set_var("HOTSEAT_CACHE_DIR", &cache) };

    let full = a.floor != "line";
    println!("machine: {}", pty::machine());
    println!("hotseat: {}", hotseat.display());
    println!("terminal: {}×{}, idle {} s, {} starts each, {} key presses each", a.cols, a.rows, a.idle, a.runs, a.keys);
    println!(
        "floor: {}",
        if full {
            "full screen (`floor --full`: header, phase bar, six bordered panels of text, footer)"
        } else {
            "one bordered line (`floor`)"
        }
    );

    let floor_argv =
        if full { vec![floor.display().to_string(), "--full".into()] } else { vec![floor.display().to_string()] };
    let me = ["me", "--member", a.member.as_str()];
    let mut subjects = vec![
        Subject {
            name: "floor",
            argv: floor_argv,
            ready: if full { meeting_ready } else { line_floor_ready },
            quit: b"q",
        },
        Subject {
            name: "meeting",
            argv: hotseat_argv(&hotseat, &["meeting"], &ten),
            ready: meeting_ready,
            quit: b"qy",
        },
        Subject { name: "home", argv: hotseat_argv(&hotseat, &[], &ten), ready: home_ready, quit: b"q" },
        Subject { name: "me", argv: hotseat_argv(&hotseat, &me, &ten), ready: me_ready, quit: b"q" },
        Subject { name: "me, 1 year", argv: hotseat_argv(&hotseat, &me, &one), ready: me_ready, quit: b"q" },
    ];
    if let Some(old) = &a.before {
        let argv = |args: &[&str], data: &str| hotseat_argv(old, args, data);
        subjects.extend([
            Subject { name: "meeting, before", argv: argv(&["meeting"], &ten), ready: meeting_ready, quit: b"qy" },
            Subject { name: "home, before", argv: argv(&[], &ten), ready: home_ready, quit: b"q" },
            Subject { name: "me, before", argv: argv(&me, &ten), ready: me_ready, quit: b"q" },
            Subject { name: "me, 1 year, before", argv: argv(&me, &one), ready: me_ready, quit: b"q" },
        ]);
    }

    // 0. The member's view with no cache, then one start of each, not counted.
    let _ = std::fs::remove_dir_all(&cache);
    let mut p = spawn("me", &subjects[3].argv, a.cols, a.rows)?;
    let cold = ms(p.wait_for(&subjects[3].ready)? - p.spawned);
    p.quit(b"q")?;
    for s in &subjects {
        s.start(a)?.quit(s.quit)?;
    }

    // 1. Exec → first full frame, the order turning each round.
    let mut first: Vec<Vec<f64>> = vec![Vec::new(); subjects.len()];
    for r in 0..a.runs.max(1) {
        for k in 0..subjects.len() {
            let i = (k + r) % subjects.len();
            let s = &subjects[i];
            let mut p = spawn(s.name, &s.argv, a.cols, a.rows)?;
            first[i].push(ms(p.wait_for(&s.ready)? - p.spawned));
            p.drain(Duration::from_millis(30));
            p.quit(s.quit)?;
        }
    }
    if a.first_only {
        for (s, v) in subjects.iter().zip(&first) {
            let m = median(&mut v.clone());
            let f = median(&mut first[0].clone());
            println!("first full frame, {:<20} {m:>6.2} ms {:>5.2}×  raw {v:.1?}", s.name, m / f);
        }
        return Ok(());
    }

    // 2. Everything side by side: keys, then idle.
    let mut live: Vec<Pty> = subjects[..4].iter().map(|s| s.start(a)).collect::<io::Result<_>>()?;
    for p in &mut live {
        p.drain(Duration::from_millis(100));
    }
    let help_open = |s: &vt100::Screen| s.contents().contains("other key closes");
    let help_closed = |s: &vt100::Screen| !s.contents().contains("other key closes") && last_row(s).contains("quit");
    let mut keys: Vec<Vec<f64>> = vec![Vec::new(); 4];
    for i in 0..a.keys.max(1) {
        for (k, keys) in keys.iter_mut().enumerate() {
            for p in &mut live {
                p.drain(Duration::from_millis(if k == 0 { 10 } else { 1 }));
            }
            let p = &mut live[k];
            let (key, done): (&[u8], Check) = match (k, i % 2) {
                (0, _) => (b"x", &|s: &vt100::Screen| s.contents().contains(&format!("keys {}", i + 1))),
                (_, 0) => (b"?", &help_open),
                _ => (b"\x1b", &help_closed),
            };
            let t = p.send(key)?;
            keys.push(ms(p.wait_frame(done)? - t));
        }
    }
    for p in &mut live[1..] {
        if !help_closed(p.screen()) {
            p.send(b"\x1b")?;
            p.wait_frame(&help_closed)?;
        }
    }
    // Space starts the meeting's countdown (it resumes paused) and saves the meeting. The
    // header's "running" can be cut off by a long overtime; the status line says it too.
    let running = |s: &vt100::Screen| s.contents().contains(" running ") || s.contents().contains("Timer running.");
    let t = live[1].send(b" ")?;
    let space = ms(live[1].wait_frame(&running)? - t);

    let settle_end = Instant::now() + Duration::from_millis(1500);
    while Instant::now() < settle_end {
        for p in &mut live {
            p.pump(Duration::from_millis(2));
        }
    }
    let before: Vec<(u64, Usage)> = live.iter().map(|p| (p.bytes, usage(p.pid))).collect();
    let idle_end = Instant::now() + Duration::from_secs_f64(a.idle.max(1.0));
    while Instant::now() < idle_end {
        let mut fds: Vec<libc::pollfd> =
            live.iter().map(|p| libc::pollfd { fd: p.fd, events: libc::POLLIN, revents: 0 }).collect();
        let left = idle_end.saturating_duration_since(Instant::now()).as_millis().max(1) as i32;
        // SAFETY: valid pollfds.
        unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, left) };
        for (p, fd) in live.iter_mut().zip(&fds) {
            if fd.revents != 0 {
                p.read_now();
            }
        }
    }
    let after: Vec<(u64, Usage)> = live.iter().map(|p| (p.bytes, usage(p.pid))).collect();
    let rss: Vec<u64> = live.iter().map(|p| pty::peak_rss_kb(p.pid)).collect();
    let running = running(live[1].screen());
    for (p, s) in live.into_iter().zip(&subjects) {
        p.quit(s.quit)?;
    }

    // 3. The command-line commands.
    let commands: [(&str, Vec<&str>, f64); 5] = [
        ("hotseat check", vec!["check"], 1000.0),
        ("hotseat actions --all --json", vec!["actions", "--all", "--json"], 1000.0),
        ("hotseat actions --json", vec!["actions", "--json"], 200.0),
        ("hotseat me (no terminal)", me.to_vec(), 200.0),
        ("hotseat export todo", vec!["export", "todo", "--member", a.member.as_str()], 200.0),
    ];
    let mut measured = Vec::new();
    for (label, args, budget) in &commands {
        // Each binary in turn, the older one (if any) interleaved.
        let binaries: Vec<&PathBuf> = std::iter::once(&hotseat).chain(&a.before).collect();
        let mut times = vec![Vec::new(); binaries.len()];
        let mut peak = vec![0; binaries.len()];
        for _ in 0..a.runs.max(3) {
            for (k, bin) in binaries.iter().enumerate() {
                let (t, kb) = command(&hotseat_argv(bin, args, &ten))?;
                times[k].push(t);
                peak[k] = peak[k].max(kb);
            }
        }
        let before = (binaries.len() > 1).then(|| (median(&mut times[1]), peak[1]));
        measured.push((label, median(&mut times[0]), peak[0], budget, before));
    }

    // Report.
    let ff: Vec<f64> = first.iter().map(|v| median(&mut v.clone())).collect();
    println!();
    println!("{:<46} {:>10} {:>10} {:>9}  budget", "figure", "hotseat", "floor", "ratio");
    for i in 1..4 {
        let r = ff[i] / ff[0];
        let what = format!("first full frame, {} (median)", subjects[i].name);
        println!("{what:<46} {:>8.1}ms {:>8.1}ms {r:>8.2}×  ≤ 1.5× floor  {}", ff[i], ff[0], mark(r <= 1.5));
    }
    let scale = ff[3] / ff[4];
    println!(
        "{:<46} {:>8.1}ms {:>8.1}ms {:>+8.0}%  ≤ +20 % (vs 1 year)  {}",
        "first frame of me: 10 years vs 1 year",
        ff[3],
        ff[4],
        (scale - 1.0) * 100.0,
        mark(scale <= 1.2)
    );
    println!("{:<46} {:>8.1}ms {:>10} {:>9}", "first frame of me with no cache (one start)", cold, "–", "");
    let k: Vec<f64> = keys.iter().map(|v| median(&mut v.clone())).collect();
    for i in 1..4 {
        let d = k[i] - k[0];
        let what = format!("key → frame, {} (median; ?/Esc)", subjects[i].name);
        println!("{what:<46} {:>8.2}ms {:>8.2}ms {d:>+7.2}ms  ≤ floor + 2 ms  {}", k[i], k[0], mark(d <= 2.0));
    }
    println!("{:<46} {:>8.2}ms {:>10} {:>9}", "Space → frame, meeting (resume + save)", space, "–", "");
    let dt = |i: usize| (after[i].1.at.expect("taken") - before[i].1.at.expect("taken")).as_secs_f64();
    let wake = |i: usize| (after[i].1.switches - before[i].1.switches) as f64 / dt(i);
    let bytes = |i: usize| (after[i].0 - before[i].0) as f64 / dt(i);
    let cpu = |i: usize| (after[i].1.cpu_ns - before[i].1.cpu_ns) as f64 / 1e9 / dt(i) * 100.0;
    for (i, subject) in subjects.iter().enumerate().take(4).skip(1) {
        let n = subject.name;
        let (w, b, c) = (wake(i), bytes(i), cpu(i));
        println!(
            "{:<46} {w:>10.2} {:>10.2} {:>9}  ≤ 2/s  {}",
            format!("idle wake-ups/s, {n}"),
            wake(0),
            "",
            mark(w <= 2.0)
        );
        println!(
            "{:<46} {b:>10.1} {:>10.1} {:>9}  ≤ 100 B/s  {}",
            format!("idle bytes/s, {n}"),
            bytes(0),
            "",
            mark(b <= 100.0)
        );
        println!("{:<46} {c:>9.3}% {:>9.3}% {:>9}", format!("idle CPU, {n}"), cpu(0), "");
    }
    for i in 1..4 {
        let mb = rss[i] as f64 / 1024.0;
        let what = format!("peak RSS, {}", subjects[i].name);
        println!("{what:<46} {mb:>8.1}MB {:>8.1}MB {:>9}  ≤ 32 MB  {}", rss[0] as f64 / 1024.0, "", mark(mb <= 32.0));
    }
    for (label, t, kb, budget, before) in measured {
        let mb = kb as f64 / 1024.0;
        println!("{:<46} {t:>8.1}ms {:>10} {:>9}  ≤ {budget} ms  {}", label, "–", "", mark(t <= *budget));
        println!("{:<46} {mb:>8.1}MB {:>10} {:>9}  ≤ 32 MB  {}", "  peak RSS", "–", "", mark(mb <= 32.0));
        if let Some((t, kb)) = before {
            println!("{:<46} {t:>8.1}ms, {:.1} MB peak", "  before", kb as f64 / 1024.0);
        }
    }
    for (i, s) in subjects.iter().enumerate().skip(5) {
        let (f, r) = (ff[i], ff[i] / ff[0]);
        println!("{:<46} {f:>8.1}ms {:>8.1}ms {r:>8.2}×", format!("first full frame, {} (median)", s.name), ff[0]);
    }
    if !running {
        println!("warning: the meeting's countdown was not running during the idle phase");
    }
    println!();
    for (s, v) in subjects.iter().zip(&first) {
        println!("raw first frames, {} ms: {v:.1?}", s.name);
    }
    Ok(())
}

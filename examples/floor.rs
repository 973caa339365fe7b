//! The floor the terminal benchmark compares hotseat against: a bare ratatui countdown
//! that draws one bordered line and redraws only when the shown second changes (or a key
//! is pressed). Same loop shape as hotseat's runtime: block on input with a timeout to the
//! next second, no fixed frame rate.
//!
//! ```sh
//! cargo run --release --example floor      # Space pauses, any key redraws, q quits
//! ```

use std::io;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind};
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Paragraph};

/// Ten minutes, like a hot-seat turn.
const TURN_MS: u64 = 10 * 60 * 1000;

struct Countdown {
    used: Duration,
    since: Option<Instant>,
    keys: u64,
}

impl Countdown {
    fn left_ms(&self, now: Instant) -> i64 {
        let used = self.used + self.since.map(|s| now - s).unwrap_or_default();
        TURN_MS as i64 - used.as_millis() as i64
    }
    /// The second on screen (rounded up while time is left).
    fn shown(&self, now: Instant) -> i64 {
        let left = self.left_ms(now);
        if left > 0 { (left + 999) / 1000 } else { left / 1000 }
    }
    /// How long until the shown second changes.
    fn wait(&self, now: Instant) -> Option<Duration> {
        self.since?;
        let left = self.left_ms(now);
        let r = if left > 0 { left % 1000 } else { 1000 - (-left) % 1000 };
        // A millisecond late rather than early: `shown` rounds to whole milliseconds.
        Some(Duration::from_millis(if r == 0 { 1000 } else { r as u64 } + 1))
    }
    fn toggle(&mut self, now: Instant) {
        match self.since.take() {
            Some(s) => self.used += now - s,
            None => self.since = Some(now),
        }
    }
}

fn main() -> io::Result<()> {
    let mut terminal = ratatui::init();
    let mut c = Countdown { used: Duration::ZERO, since: Some(Instant::now()), keys: 0 };
    let mut shown = None;
    let mut dirty = true;
    let result = loop {
        let now = Instant::now();
        let second = c.shown(now);
        if dirty || shown != Some(second) {
            terminal.draw(|f| {
                let left = c.left_ms(now);
                let secs = if left > 0 { (left + 999) / 1000 } else { -left / 1000 };
                let sign = if left > 0 { "" } else { "+" };
                let state = if c.since.is_some() { "running" } else { "paused" };
                let line = format!(" floor {sign}{}:{:02}  {state}  keys {}", secs / 60, secs % 60, c.keys);
                let area = f.area();
                let r = Rect { height: 3.min(area.height), ..area };
                f.render_widget(Paragraph::new(line).block(Block::default().borders(Borders::ALL)), r);
            })?;
            shown = Some(second);
            dirty = false;
        }
        let ready = match c.wait(now) {
            Some(timeout) => event::poll(timeout)?,
            None => true,
        };
        if !ready {
            continue;
        }
        match event::read()? {
            Event::Key(k) if k.kind == KeyEventKind::Press => {
                c.keys += 1;
                match k.code {
                    KeyCode::Char('q') | KeyCode::Esc => break Ok(()),
                    KeyCode::Char(' ') => c.toggle(Instant::now()),
                    _ => {}
                }
                dirty = true;
            }
            Event::Resize(..) => dirty = true,
            _ => {}
        }
    };
    ratatui::restore();
    result
}

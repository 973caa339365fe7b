//! The floor the terminal benchmark compares hotseat against: the least a ratatui program
//! can do to show a screen, with the same loop shape as hotseat's runtime (block on input
//! with a timeout to the next second, no fixed frame rate, reading no file).
//!
//! - `floor --full` (what `term_bench` uses): a full screen at the terminal's size — a
//!   header, the phase bar, six bordered panels of text, a footer — redrawn only when the
//!   shown second changes or a key is pressed. The least a real first frame can cost.
//! - `floor` alone: one bordered countdown line (the floor of the first measurements).
//!
//! ```sh
//! cargo run --release --example floor -- [--full]   # Space pauses, any key redraws, q quits
//! ```

use std::io;
use std::time::{Duration, Instant};

use ratatui::Frame;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph};

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

/// The countdown as shown: `9:59`, or `+0:03` in overtime.
fn clock(c: &Countdown, now: Instant) -> String {
    let left = c.left_ms(now);
    let secs = if left > 0 { (left + 999) / 1000 } else { -left / 1000 };
    let sign = if left > 0 { "" } else { "+" };
    format!("{sign}{}:{:02}", secs / 60, secs % 60)
}

/// One bordered countdown line.
fn draw_line(f: &mut Frame, c: &Countdown, now: Instant) {
    let state = if c.since.is_some() { "running" } else { "paused" };
    let line = format!(" floor {}  {state}  keys {}", clock(c, now), c.keys);
    let area = f.area();
    let r = Rect { height: 3.min(area.height), ..area };
    f.render_widget(Paragraph::new(line).block(Block::default().borders(Borders::ALL)), r);
}

const PHASES: [&str; 5] = ["Check-in", "Report-back", "Prep review", "Hot seats", "Wrap-up"];
const PANELS: [&str; 6] = ["Turn", "Goals", "Questions for the group", "Walk away with", "Action steps", "Notes"];
const WORDS: [&str; 8] = [
    "Review the hiring funnel with the recruiter",
    "Call 12 former customers",
    "Ship the beta to the waiting list",
    "Prepare the board deck outline",
    "Find a mentor for the new team lead",
    "Close the books for last month",
    "Meet 7 board members",
    "Publish the case study with the pilot customer",
];

fn panel(title: &str) -> Block<'_> {
    Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(Style::new().fg(Color::DarkGray))
        .title(Span::styled(format!(" {title} "), Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)))
}

/// A full screen: header, phase bar, six bordered panels of text, footer.
fn draw_full(f: &mut Frame, c: &Countdown, now: Instant) {
    let area = f.area();
    let [header, phases, body, footer] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(1), Constraint::Fill(1), Constraint::Length(1)])
            .areas(area);
    let strong = Style::new().add_modifier(Modifier::BOLD);
    let dim = Style::new().fg(Color::DarkGray);
    let left = " floor · Northside CEO Circle · meeting";
    let right = format!("{} left ", clock(c, now));
    let pad = (header.width as usize).saturating_sub(left.chars().count() + right.len());
    f.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(left, strong.fg(Color::Cyan)),
            Span::raw(" ".repeat(pad)),
            Span::styled(right, strong),
        ])),
        header,
    );
    let mut bar = vec![Span::raw(" ")];
    for (i, p) in PHASES.iter().enumerate() {
        let style = if i == 3 { Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD) } else { dim };
        bar.push(Span::styled(format!(" {p} "), style));
        if i + 1 < PHASES.len() {
            bar.push(Span::styled("›", dim));
        }
    }
    f.render_widget(Paragraph::new(Line::from(bar)), phases);
    let rows = Layout::vertical([Constraint::Ratio(1, 3); 3]).split(body);
    for (r, row) in rows.iter().enumerate() {
        let cols = Layout::horizontal([Constraint::Percentage(40), Constraint::Percentage(60)]).split(*row);
        for (k, col) in cols.iter().enumerate() {
            let n = r * 2 + k;
            let lines: Vec<Line> = (0..col.height.saturating_sub(2) as usize)
                .map(|i| {
                    let w = WORDS[(n * 3 + i) % WORDS.len()];
                    Line::from(vec![
                        Span::styled(if i == 0 { "▸ " } else { "  " }, strong),
                        Span::raw(w),
                        Span::styled(format!(" · due Tue {} Nov", 3 + (n + i) % 25), dim),
                    ])
                })
                .collect();
            f.render_widget(Paragraph::new(lines).block(panel(PANELS[n])), *col);
        }
    }
    let state = if c.since.is_some() { "running" } else { "paused" };
    f.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(" ] next  [ back  Space pause  + +1 min  a add step  ? help  q quit", dim),
            Span::raw(format!("   {state} · keys {}", c.keys)),
        ])),
        footer,
    );
}

fn main() -> io::Result<()> {
    let full = std::env::args().skip(1).any(|a| a == "--full");
    let mut terminal = ratatui::init();
    let mut c = Countdown { used: Duration::ZERO, since: Some(Instant::now()), keys: 0 };
    let mut shown = None;
    let mut dirty = true;
    let result = loop {
        let now = Instant::now();
        let second = c.shown(now);
        if dirty || shown != Some(second) {
            terminal.draw(|f| if full { draw_full(f, &c, now) } else { draw_line(f, &c, now) })?;
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

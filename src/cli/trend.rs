//! `hotseat trend [--member ID] [--all-time] [--json]`: completion of action steps and the
//! average rating, meeting by meeting: a chart on a terminal, plain rows when piped, JSON
//! for scripts. Reads only the meetings of the current term unless `--all-time`.

use std::io::IsTerminal as _;
use std::process::ExitCode;

use anyhow::Result;
use serde::Serialize;

use super::record::known_member;
use super::record_args::TrendArgs;
use crate::model::trend::Point;
use crate::store::{Store, record};
use crate::tui::trend_chart::{TARGET, TrendChart};

#[derive(Serialize)]
struct Entry<'a> {
    meeting: &'a str,
    date: chrono::NaiveDate,
    /// 0–100.
    completion: u32,
    rating: Option<f64>,
    done: usize,
    partial: usize,
    counted: usize,
}

pub fn run(store: &Store, args: &TrendArgs) -> Result<ExitCode> {
    let today = crate::tui::run::now().date_naive();
    let group = store.load_group()?;
    if let Some(m) = &args.member {
        known_member(&group, m)?;
    }
    let (term, _) = record::current_term(store, &group, today)?;
    let span = if args.all_time { None } else { Some((term.start, term.end())) };
    let trend = record::load_trend(store, &group, span)?;
    let points: Vec<Point> = match &args.member {
        Some(m) => trend.of(m).to_vec(),
        None => trend.group.clone(),
    };
    // A meeting with nothing to report back on (the first) has no completion to chart.
    let points: Vec<Point> = points.into_iter().filter(|p| p.completion.is_some()).collect();
    let whose = args.member.as_deref().map(|m| group.name_of(m).to_string()).unwrap_or_else(|| group.name.clone());
    let over = if args.all_time { "all time".to_string() } else { format!("term {} – {}", term.start, term.end()) };
    if args.json {
        let entries: Vec<Entry> = points
            .iter()
            .map(|p| Entry {
                meeting: &p.meeting,
                date: p.date,
                completion: p.completion.unwrap_or(0).min(100),
                rating: p.rating,
                done: p.done,
                partial: p.partial,
                counted: p.counted,
            })
            .collect();
        say!("{}", serde_json::to_string_pretty(&entries)?);
        return Ok(ExitCode::SUCCESS);
    }
    let title = format!(" {whose} · completion per meeting · {over} ");
    if points.is_empty() {
        say!("{}: no meeting with a report-back yet ({over}).", whose);
        return Ok(ExitCode::SUCCESS);
    }
    if std::io::stdout().is_terminal() {
        chart(&title, &points)?;
    } else {
        say!("# {}", title.trim());
        say!("{:<14} {:>10} {:>6}  {:>6}", "meeting", "completion", "rating", "target");
        for p in &points {
            let c = p.completion.unwrap_or(0);
            let rating = p.rating.map(|r| format!("{r:.1}")).unwrap_or_else(|| "–".into());
            let mark = if c as f64 >= TARGET { "met" } else { "below" };
            say!("{:<14} {:>9}% {:>6}  {:>6}", p.meeting, c, rating, mark);
        }
    }
    let avg = points.iter().filter_map(|p| p.completion).sum::<u32>() as f64 / points.len() as f64;
    let met = points.iter().filter(|p| p.completion.is_some_and(|c| c as f64 >= TARGET)).count();
    say!(
        "Average {avg:.0} % over {}; {met} at or above the 90 % target.",
        crate::model::words::count(points.len(), "meeting")
    );
    Ok(ExitCode::SUCCESS)
}

/// Draw the chart inline, below the prompt, and leave it in the scrollback.
fn chart(title: &str, points: &[Point]) -> Result<()> {
    use ratatui::{Terminal, TerminalOptions, Viewport, backend::CrosstermBackend};
    let height = 18;
    let backend = CrosstermBackend::new(std::io::stdout());
    let mut terminal = Terminal::with_options(backend, TerminalOptions { viewport: Viewport::Inline(height) })?;
    let theme = crate::tui::theme::Theme { color: crate::tui::theme::color_from_env() };
    terminal.draw(|f| f.render_widget(TrendChart { title: title.to_string(), points, theme }, f.area()))?;
    drop(terminal);
    say!("");
    Ok(())
}

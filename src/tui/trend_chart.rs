//! The completion chart: completion per meeting as a line against the 90 % target, with
//! the average rating (×10) as dots. One widget for `hotseat trend` on a terminal, the
//! term review and the tests.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Widget};

use super::theme::Theme;
use super::widgets::panel;
use crate::model::trend::Point;

/// The completion EOS teams hold themselves to.
pub const TARGET: f64 = 90.0;

pub struct TrendChart<'a> {
    pub title: String,
    pub points: &'a [Point],
    pub theme: Theme,
}

impl Widget for TrendChart<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let TrendChart { title, points, theme } = self;
        let completion: Vec<(f64, f64)> =
            points.iter().enumerate().filter_map(|(i, p)| p.completion.map(|c| (i as f64, c as f64))).collect();
        let rating: Vec<(f64, f64)> =
            points.iter().enumerate().filter_map(|(i, p)| p.rating.map(|r| (i as f64, r * 10.0))).collect();
        let last = points.len().saturating_sub(1).max(1) as f64;
        let target = vec![(0.0, TARGET), (last, TARGET)];
        let style = |c: Color| if theme.color { Style::new().fg(c) } else { Style::new() };
        let datasets = vec![
            Dataset::default()
                .name("90 % target")
                .marker(Marker::Braille)
                .graph_type(GraphType::Line)
                .style(style(Color::Yellow))
                .data(&target),
            Dataset::default()
                .name("rating ×10")
                .marker(Marker::Dot)
                .graph_type(GraphType::Scatter)
                .style(style(Color::Magenta))
                .data(&rating),
            Dataset::default()
                .name("completion %")
                .marker(Marker::Braille)
                .graph_type(GraphType::Line)
                .style(style(Color::Cyan))
                .data(&completion),
        ];
        let label = |i: usize| points.get(i).map(|p| p.date.format("%Y-%m-%d").to_string()).unwrap_or_default();
        let x_labels: Vec<Line> = match points.len() {
            0 => vec![],
            1 => vec![Line::from(label(0))],
            n => vec![Line::from(label(0)), Line::from(label(n / 2)), Line::from(label(n - 1))],
        };
        // Axis labels are spread evenly, so they must be evenly spaced values; the target
        // line is named in the legend.
        let y_labels: Vec<Line> = ["0", "25", "50", "75", "100"].iter().map(|s| Line::from(Span::raw(*s))).collect();
        let chart = Chart::new(datasets)
            .block(panel(title, theme))
            .x_axis(Axis::default().bounds([0.0, last]).labels(x_labels).style(theme.dim()))
            .y_axis(Axis::default().bounds([0.0, 100.0]).labels(y_labels).style(theme.dim()))
            .legend_position(Some(ratatui::widgets::LegendPosition::BottomRight))
            .hidden_legend_constraints((
                ratatui::layout::Constraint::Ratio(1, 2),
                ratatui::layout::Constraint::Ratio(1, 2),
            ));
        chart.render(area, buf);
    }
}

/// A one-line sparkline of completions (0–100), oldest first, in block characters.
pub fn sparkline(values: &[u32]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    values.iter().map(|v| BARS[((*v).min(100) as usize * 7 + 50) / 100]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparkline_spans_the_bars() {
        assert_eq!(sparkline(&[0, 50, 100]), "▁▅█");
        assert_eq!(sparkline(&[]), "");
    }
}

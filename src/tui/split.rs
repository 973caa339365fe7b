//! Splitting an area the way ratatui's layout solver would, by plain arithmetic, for the
//! layouts drawn on a first frame: the first solve of a process costs a tenth of a
//! millisecond. Where the arithmetic is not sure to agree (the rows do not fit) it asks
//! the solver; the tests hold both to the same rectangles.

use ratatui::layout::{Constraint, Layout, Rect};

/// Rows of fixed `heights` top to bottom, the one at `grow` at least its height and taking
/// whatever is left: `Layout::vertical` of `Length`s with one `Min`.
pub fn rows<const N: usize>(area: Rect, heights: [u16; N], grow: usize) -> [Rect; N] {
    let total: u32 = heights.iter().map(|&h| u32::from(h)).sum();
    if total > u32::from(area.height) {
        let constraints = heights
            .iter()
            .enumerate()
            .map(|(i, &h)| if i == grow { Constraint::Min(h) } else { Constraint::Length(h) });
        return Layout::vertical(constraints).areas(area);
    }
    let extra = area.height - total as u16;
    let mut out = [Rect::default(); N];
    let mut y = area.y;
    for (i, (&h, r)) in heights.iter().zip(out.iter_mut()).enumerate() {
        let h = if i == grow { h + extra } else { h };
        *r = Rect { y, height: h, ..area };
        y += h;
    }
    out
}

/// A fixed width on the left (as much of it as there is), the rest on the right:
/// `Layout::horizontal([Length(width), Fill(1)])`.
pub fn left_fixed(area: Rect, width: u16) -> [Rect; 2] {
    let w = width.min(area.width);
    [Rect { width: w, ..area }, Rect { x: area.x + w, width: area.width - w, ..area }]
}

/// `percent` of the width on the left, the rest on the right:
/// `Layout::horizontal([Percentage(percent), Percentage(100 - percent)])`.
pub fn left_percent(area: Rect, percent: u16) -> [Rect; 2] {
    let w = ((u32::from(area.width) * u32::from(percent) + 50) / 100) as u16;
    let w = w.min(area.width);
    [Rect { width: w, ..area }, Rect { x: area.x + w, width: area.width - w, ..area }]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_placed_as_the_solver_places_them() {
        for height in 0..=70 {
            for steps in [3, 5, 8] {
                for clock in [6, 10, 18] {
                    let area = Rect::new(3, 2, 90, height);
                    let heights = [1, clock, 2, 4, steps, 1];
                    let solver = Layout::vertical([
                        Constraint::Length(1),
                        Constraint::Length(clock),
                        Constraint::Length(2),
                        Constraint::Min(4),
                        Constraint::Length(steps),
                        Constraint::Length(1),
                    ])
                    .areas::<6>(area);
                    assert_eq!(rows(area, heights, 3), solver, "height {height}, steps {steps}, clock {clock}");
                }
            }
        }
    }

    #[test]
    fn columns_are_placed_as_the_solver_places_them() {
        for width in 0..=400 {
            let area = Rect::new(5, 1, width, 7);
            for fixed in [0, 24, 44, 164] {
                let solver =
                    Layout::horizontal([Constraint::Length(fixed.min(width)), Constraint::Fill(1)]).areas(area);
                assert_eq!(left_fixed(area, fixed), solver, "width {width}, fixed {fixed}");
            }
            for percent in [45, 50, 55] {
                let solver =
                    Layout::horizontal([Constraint::Percentage(percent), Constraint::Percentage(100 - percent)])
                        .areas(area);
                assert_eq!(left_percent(area, percent), solver, "width {width}, {percent} %");
            }
        }
    }
}

//! The wrap-up's ratings: each member here rates the meeting from 1 to 10.

use super::action::Effect;
use super::queries::{self, clamp};
use super::state::App;
use crate::facilitator::strings as s;
use crate::model::Rating;

/// The member on the selected wrap-up row.
fn wrap_member(app: &App) -> Option<String> {
    let m = app.meeting.as_ref()?;
    let rows = queries::wrap_rows(m);
    rows.get(clamp(app.ui.cursors.wrap, rows.len())).map(|r| r.member().to_string())
}

pub fn rate(app: &mut App, score: u8) -> Vec<Effect> {
    let Some(member) = wrap_member(app) else { return Vec::new() };
    let m = app.meeting.as_mut().expect("in a meeting");
    if !m.presence(&member).is_here() {
        app.info(s::ABSENT_NO_RATING);
        return Vec::new();
    }
    let score = score.clamp(1, 10);
    match m.ratings.iter_mut().find(|r| r.member == member) {
        Some(r) => r.score = score,
        None => m.ratings.push(Rating { member, score }),
    }
    vec![Effect::SaveMeeting]
}

/// `→` / `←` on a member: the rating one up or down. No rating sits just below 1: from
/// none `→` gives 1 and `←` leaves it at none; `←` from 1 clears it; `→` stops at 10.
pub fn nudge_rating(app: &mut App, delta: i8) -> Vec<Effect> {
    let Some(member) = wrap_member(app) else { return Vec::new() };
    let current = app.meeting.as_ref().and_then(|m| m.rating(&member)).unwrap_or(0) as i8;
    match (current + delta).min(10) {
        n if n >= 1 => rate(app, n as u8),
        _ if current == 0 => Vec::new(),
        _ => clear(app),
    }
}

/// The selected member's rating, when the selected row is a member who has one.
pub fn selected_rating(app: &App) -> Option<u8> {
    let member = wrap_member(app)?;
    app.meeting.as_ref()?.rating(&member)
}

/// Clear the selected member's rating (back to none).
pub fn clear(app: &mut App) -> Vec<Effect> {
    let Some(member) = wrap_member(app) else { return Vec::new() };
    let Some(m) = app.meeting.as_mut() else { return Vec::new() };
    let before = m.ratings.len();
    m.ratings.retain(|r| r.member != member);
    if m.ratings.len() == before { Vec::new() } else { vec![Effect::SaveMeeting] }
}

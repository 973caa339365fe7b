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

pub fn nudge_rating(app: &mut App, delta: i8) -> Vec<Effect> {
    let Some(member) = wrap_member(app) else { return Vec::new() };
    let current = app.meeting.as_ref().and_then(|m| m.rating(&member));
    let next = match current {
        Some(r) => (r as i8 + delta).clamp(1, 10) as u8,
        None => 7,
    };
    rate(app, next)
}

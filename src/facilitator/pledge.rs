//! The confidentiality pledge at check-in: `p` records that the group affirmed it; taking
//! an affirmation back asks first.

use chrono::{DateTime, FixedOffset};

use super::action::Effect;
use super::state::{App, Overlay};

/// `p`: affirm the pledge, or ask before taking the affirmation back.
pub fn affirm_or_ask(app: &mut App, now: DateTime<FixedOffset>) -> Vec<Effect> {
    let Some(m) = app.meeting.as_mut() else { return Vec::new() };
    if m.pledge_acknowledged_at.is_some() {
        app.ui.overlay = Overlay::ConfirmTakeBackPledge;
        return Vec::new();
    }
    m.pledge_acknowledged_at = Some(now);
    vec![Effect::SaveMeeting]
}

/// `y` to the question: the pledge is no longer recorded as affirmed.
pub fn take_back(app: &mut App) -> Vec<Effect> {
    match app.meeting.as_mut() {
        Some(m) if m.pledge_acknowledged_at.is_some() => {
            m.pledge_acknowledged_at = None;
            vec![Effect::SaveMeeting]
        }
        _ => Vec::new(),
    }
}

/// Whether the group affirmed the pledge in the meeting on screen.
pub fn affirmed(app: &App) -> bool {
    app.meeting.as_ref().is_some_and(|m| m.pledge_acknowledged_at.is_some())
}

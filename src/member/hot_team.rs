//! The member's Hot Team forms: a new partnership (asking first when the partner is close
//! at work), the weekly check-in (asking first when this week has one, which it then
//! updates), and the skills I offer.

use chrono::{DateTime, FixedOffset, NaiveDate, Weekday};

use super::action::{MemberAction as A, MemberEffect as E};
use super::forms::refuse;
use super::state::{Form, FormPurpose, MemberApp, Overlay};
use crate::member::strings as s;
use crate::model::pairing::closeness;
use crate::model::parse::{PartnerError, resolve_partner, split_list};
use crate::model::partners::{parse_weekday, week_start, weekday_key};
use crate::model::{Checkin, Partnership};
use crate::tui::cursor::clamp;

pub fn open_partnership(app: &mut MemberApp) {
    let fields = vec![
        (s::FORM_PARTNER, String::new()),
        (s::FORM_SKILL, String::new()),
        (s::FORM_DAY, weekday_key(Weekday::Fri).to_string()),
        (s::FORM_PARTNER_SLIP, String::new()),
    ];
    app.ui.overlay = Overlay::Form(Box::new(Form::new(FormPurpose::Partnership, fields)));
}

pub fn open_offers(app: &mut MemberApp) {
    let current = app.partners.offers.join(", ");
    app.ui.overlay = Overlay::Form(Box::new(Form::new(FormPurpose::Offers, vec![(s::FORM_OFFERS, current)])));
}

/// The index of this week's check-in of a partnership (the latest, should there be more).
fn this_weeks(app: &MemberApp, partnership: &str, today: NaiveDate) -> Option<usize> {
    let monday = week_start(today);
    app.checkins.checkins.iter().rposition(|c| c.partnership == partnership && week_start(c.on) == monday)
}

/// `c`: the check-in form of the selected partnership; when this week has a check-in,
/// first the question whether to update it.
pub fn open_checkin(app: &mut MemberApp, today: NaiveDate) {
    let ps = &app.partners.partnerships;
    let Some(p) = ps.get(clamp(app.ui.cursors.partners, ps.len())) else {
        app.info(s::NO_PARTNERSHIPS_PRESS_A);
        return;
    };
    if p.ended.is_some() {
        app.info(s::PARTNERSHIP_ENDED);
        return;
    }
    let partnership = p.id.clone();
    if this_weeks(app, &partnership, today).is_some() {
        app.ui.overlay = Overlay::UpdateCheckin { partnership };
    } else {
        checkin_form(app, partnership, today);
    }
}

/// The check-in form, holding this week's check-in when there is one.
fn checkin_form(app: &mut MemberApp, partnership: String, today: NaiveDate) {
    let this_week = this_weeks(app, &partnership, today).map(|i| &app.checkins.checkins[i]);
    let note = this_week.map(|c| c.note.clone()).unwrap_or_default();
    let on_track = this_week.is_none_or(|c| c.on_track != Some(false));
    let form = Form::new(FormPurpose::Checkin { partnership }, vec![(s::FORM_CHECKIN_NOTE, note)])
        .with_check(s::FORM_ON_TRACK, on_track);
    app.ui.overlay = Overlay::Form(Box::new(form));
}

/// The answer to "update this week's check-in?": `y` opens the form holding it.
pub fn answer_update(app: &mut MemberApp, partnership: String, action: A, today: NaiveDate) -> Vec<E> {
    if action == A::Confirm {
        checkin_form(app, partnership, today);
    }
    Vec::new()
}

/// The answer to "start the partnership anyway?": `y` saves it, anything else returns to
/// the form.
pub fn answer_close(app: &mut MemberApp, form: Box<Form>, action: A, now: DateTime<FixedOffset>) -> Vec<E> {
    if action == A::Confirm {
        return save_partnership(app, form, true, now);
    }
    app.ui.overlay = Overlay::Form(form);
    Vec::new()
}

/// Save a new partnership from its form; a partner close at work is asked about first
/// unless `close_ok`.
pub fn save_partnership(app: &mut MemberApp, form: Box<Form>, close_ok: bool, now: DateTime<FixedOffset>) -> Vec<E> {
    let partner = match resolve_partner(&app.group, &app.me, &form.value(0)) {
        Ok(p) => p,
        Err(PartnerError::Missing) => return refuse(app, form, 0, s::PARTNER_NEEDED.to_string()),
        Err(PartnerError::Yourself) => return refuse(app, form, 0, s::NOT_YOURSELF.to_string()),
    };
    let skill = form.value(1);
    if skill.is_empty() {
        return refuse(app, form, 1, s::SKILL_NEEDED.to_string());
    }
    let Some(day) = parse_weekday(&form.value(2)) else {
        let typed = form.value(2);
        return refuse(app, form, 2, s::bad_day(&typed));
    };
    if let Some(id) = partner.member_id()
        && !close_ok
    {
        let close = closeness(&app.group, &app.me, id);
        if !close.is_empty() {
            let warning = s::close_warning(&app.group, id, &close);
            app.ui.overlay = Overlay::ClosePartner { form, warning };
            return Vec::new();
        }
    }
    let p = Partnership {
        id: app.partners.next_id(),
        partner,
        skill,
        goal: None,
        day,
        slip_words: form.value(3),
        since: now.date_naive(),
        ended: None,
    };
    app.partners.partnerships.push(p);
    app.ui.cursors.partners = app.partners.partnerships.len() - 1;
    app.info(s::PARTNERSHIP_SAVED);
    vec![E::SavePartners]
}

/// Save the check-in form: this week's check-in is updated, else one is added.
pub fn save_checkin(app: &mut MemberApp, form: &Form, partnership: String, now: DateTime<FixedOffset>) -> Vec<E> {
    let checkin =
        Checkin { partnership, on: now.date_naive(), at: now, note: form.value(0), on_track: Some(form.checked(1)) };
    match this_weeks(app, &checkin.partnership, now.date_naive()) {
        Some(i) => {
            app.checkins.checkins[i] = checkin;
            app.info(s::CHECKIN_UPDATED);
        }
        None => {
            app.checkins.checkins.push(checkin);
            app.info(s::CHECKED_IN);
        }
    }
    vec![E::SaveCheckins]
}

pub fn save_offers(app: &mut MemberApp, form: &Form) -> Vec<E> {
    app.partners.offers = split_list(&form.value(0));
    app.info(s::OFFERS_SAVED);
    vec![E::SavePartners]
}

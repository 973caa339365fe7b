//! Loading the member's view from the group folder. The member's own files are read
//! strictly (a broken one stops with its path, line and column, and is never
//! overwritten); of other members only what the group shares openly is kept: the skills
//! they offer and partnerships that name this member as the partner.

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::state::{MemberApp, MemberUi, PartneredBy};
use crate::model::ledger;
use crate::model::partition::LastClosed;
use crate::model::{Group, Meeting, Partner, Prep, Status};
use crate::store::history::member_share;
use crate::store::{Store, StoreError};

/// The date of the next meeting, which the member prepares for: the group's
/// `next_meeting`, else the one after the newest meeting, else today.
pub fn next_meeting(group: &Group, meetings: &[Meeting], today: NaiveDate) -> NaiveDate {
    let last = meetings.iter().rev().find(|m| m.status == Status::Closed);
    next_meeting_after(group, last.map(|m| LastClosed { date: m.date, next_meeting: m.next_meeting }), today)
}

/// [`next_meeting`] from the newest closed meeting alone.
pub fn next_meeting_after(group: &Group, last_closed: Option<LastClosed>, today: NaiveDate) -> NaiveDate {
    if let Some(d) = group.next_meeting {
        return d;
    }
    match last_closed {
        Some(m) => m.next_meeting.unwrap_or_else(|| group.cadence.next_after(m.date)),
        None => today,
    }
}

/// Load what `me` sees. `me` must be a member of the group.
pub fn load(store: &Store, me: &str, now: DateTime<FixedOffset>) -> Result<MemberApp, StoreError> {
    let group = store.load_group()?;
    // My share of the history: from the cache, plus the meetings since.
    let share = member_share(store, me)?;

    // My own files: strict.
    let goals = store.load_goals(me)?;
    let progress = store.load_progress(me)?;
    let partners = store.load_partners(me)?;
    let checkins = store.load_checkins(me)?;
    let next = next_meeting_after(&group, share.last_closed, now.date_naive());
    // Without a prep of their own, what the facilitator entered for them (theirs once saved).
    let prep = match store.load_prep(me, next)? {
        Some(p) => p,
        None => store.load_entered_prep(me, next)?.unwrap_or_else(|| Prep::empty(next)),
    };

    // My steps, from every meeting, with my own reports applied; nobody else's.
    let mut l = share.steps;
    l.add_member_progress(me, &progress.entries);
    let steps = l.into_steps().into_iter().filter(|s| s.owner == me).collect();

    // What others share openly: their offers, and partnerships naming me.
    let mut member_offers = Vec::new();
    let mut partnered_by = Vec::new();
    let mut unreadable = Vec::new();
    for m in group.members.iter().filter(|m| m.id != me) {
        match store.load_partners(&m.id) {
            Ok(p) => {
                if !p.offers.is_empty() {
                    member_offers.push((m.id.clone(), p.offers.clone()));
                }
                for ps in p.active().filter(|ps| ps.partner == Partner::Member(me.to_string())) {
                    partnered_by.push(PartneredBy { member: m.id.clone(), partnership: ps.clone() });
                }
            }
            Err(e) => unreadable.push(e),
        }
    }
    let banner = (!unreadable.is_empty()).then(|| crate::tui::strings::unreadable_banner(&unreadable));

    Ok(MemberApp {
        me: me.to_string(),
        group,
        steps,
        goals,
        progress,
        next_meeting: next,
        prep,
        partners,
        checkins,
        member_offers,
        partnered_by,
        ui: MemberUi { banner, ..MemberUi::default() },
    })
}

/// Every step of the group as the meeting files record them (no member reports), to
/// find a step's owner. (One step: [`crate::store::history::find_step`].)
pub fn group_steps(store: &Store) -> Result<Vec<crate::model::ActionStep>, StoreError> {
    let mut l = ledger::Ledger::default();
    store.for_each_meeting(&store.meeting_ids()?, |m| l.add_owned_meeting(m))?;
    Ok(l.into_steps())
}

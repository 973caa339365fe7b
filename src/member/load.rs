//! Loading the member's view from the group folder. The member's own files are read
//! strictly (a broken one stops with its path, line and column, and is never
//! overwritten); of other members only what the group shares openly is kept: the skills
//! they offer and partnerships that name this member as the partner.

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::state::{MemberApp, MemberUi, PartneredBy};
use crate::model::ledger;
use crate::model::partition::LastClosed;
use crate::model::{ActionStep, Group, Meeting, Partner, Prep, ProgressFile, Status};
use crate::store::history::member_share_in;
use crate::store::member_front::{self, Front, FrontKey};
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

/// How many closed steps the first frame takes from the cache when the terminal's height
/// is not known: more than any terminal shows rows.
pub const FRONT_HEAD: usize = 512;

/// My steps as a full load gives them, with the file of my own reports they include.
#[derive(Debug, Clone, PartialEq)]
pub struct MySteps {
    pub steps: Vec<ActionStep>,
    pub progress: ProgressFile,
    pub last_closed: Option<LastClosed>,
}

/// My steps, from every meeting (through the cache of my share), with my own reports
/// applied; nobody else's. With `keep_front`, keeps their front (every open step and that
/// many of the newest closed ones) for the next start's first frame.
pub fn my_steps(store: &Store, me: &str, keep_front: Option<usize>) -> Result<MySteps, StoreError> {
    let cache = store.cache();
    // Stamped before reading: a change while they are read shows at the next start.
    let key = match (&cache, keep_front) {
        (Some(_), Some(_)) => {
            let folder = FrontKey::folder(store);
            Some(FrontKey::now(store, me, folder, &store.meeting_ids()?))
        }
        _ => None,
    };
    let share = member_share_in(store, me, cache)?;
    let progress = store.load_progress(me)?;
    let mut l = share.steps;
    l.add_member_progress(me, &progress.entries);
    let steps: Vec<ActionStep> = l.into_steps().into_iter().filter(|s| s.owner == me).collect();
    if let (Some(cache), Some(key), Some(head)) = (cache, key.as_ref(), keep_front) {
        member_front::write(cache, me, key, &Front::of(&steps, share.last_closed, head));
    }
    Ok(MySteps { steps, progress, last_closed: share.last_closed })
}

/// Load what `me` sees. `me` must be a member of the group.
pub fn load(store: &Store, me: &str, now: DateTime<FixedOffset>) -> Result<MemberApp, StoreError> {
    load_view(store, me, now, None).map(|(app, _)| app)
}

/// Load what the first frame of `me`'s view shows. With `front` (`Some(head)`, normally
/// [`FRONT_HEAD`]), my steps may come from the cached front (every open step and the
/// newest closed ones, see [`member_front`]), and when they do not, the front is kept
/// for the next start with `head` closed steps; when they do, the second value is `true`, the app holds only those steps and
/// none of my reports, and [`my_steps`] must be applied ([`MemberAction::StepsLoaded`])
/// before any key is. Otherwise the app is the full load.
///
/// [`MemberAction::StepsLoaded`]: super::action::MemberAction::StepsLoaded
pub fn load_view(
    store: &Store,
    me: &str,
    now: DateTime<FixedOffset>,
    front: Option<usize>,
) -> Result<(MemberApp, bool), StoreError> {
    load_view_in(store, store.load_group()?, me, now, front)
}

/// [`load_view`] with the group already read.
pub fn load_view_in(
    store: &Store,
    group: Group,
    me: &str,
    now: DateTime<FixedOffset>,
    front: Option<usize>,
) -> Result<(MemberApp, bool), StoreError> {
    // My share of the history: the cached front, or every step from the cache of my
    // share plus the meetings since.
    // A front with fewer closed steps than asked for (kept for a smaller terminal) is
    // not used; the full load keeps a new one.
    let cached = front.and_then(|head| {
        let cache = store.cache()?;
        let front = member_front::read(cache, store, me);
        front.filter(|f| f.holds_head(head))
    });
    let (mine, hidden_closed, pending) = match cached {
        Some(f) => {
            let hidden = f.hidden_closed();
            (MySteps { steps: f.steps, progress: ProgressFile::default(), last_closed: f.last_closed }, hidden, true)
        }
        None => (my_steps(store, me, front)?, 0, false),
    };

    // My own files: strict.
    let goals = store.load_goals(me)?;
    let partners = store.load_partners(me)?;
    let checkins = store.load_checkins(me)?;
    let next = next_meeting_after(&group, mine.last_closed, now.date_naive());
    // Without a prep of their own, what the facilitator entered for them (theirs once saved).
    let prep = match store.load_prep(me, next)? {
        Some(p) => p,
        None => store.load_entered_prep(me, next)?.unwrap_or_else(|| Prep::empty(next)),
    };
    let MySteps { steps, progress, .. } = mine;

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

    let app = MemberApp {
        me: me.to_string(),
        group,
        steps,
        hidden_closed,
        goals,
        progress,
        next_meeting: next,
        prep,
        partners,
        checkins,
        member_offers,
        partnered_by,
        ui: MemberUi { banner, ..MemberUi::default() },
    };
    Ok((app, pending))
}

/// Every step of the group as the meeting files record them (no member reports), to
/// find a step's owner. (One step: [`crate::store::history::find_step`].)
pub fn group_steps(store: &Store) -> Result<Vec<crate::model::ActionStep>, StoreError> {
    let mut l = ledger::Ledger::default();
    store.for_each_meeting(&store.meeting_ids()?, |m| l.add_owned_meeting(m))?;
    Ok(l.into_steps())
}

//! The facilitator's program as the one loop runs it ([`crate::tui::run::Program`]): keys
//! through the key table, `update` for every change, and the meeting's and group's saves
//! carried out here, where the program meets the disk. What the disk says back (saved,
//! failed, changed by someone else, the members' reports read after the first frame)
//! returns to `update` as actions.

use std::borrow::BorrowMut;

use chrono::{DateTime, FixedOffset};
use ratatui::Frame;
use ratatui::crossterm::event::Event;

use super::action::{Action, Effect, News};
use super::state::App;
use super::{keymap, ui, update};
use crate::model::PrivateNote;
use crate::store::debris::debris_listed;
use crate::store::private::Private;
use crate::store::snapshot::{Context, ReportsJob, Strictness};
use crate::store::stamp::Stamp;
use crate::store::{Store, StoreError};
use crate::sync::auto::{Auto, Round};
use crate::tui::run::{self, Outcome, Program, Waker};

/// The program, owning its app (`Facilitator<App>`) or borrowing one driven by hand
/// (`Facilitator<&mut App>`, for tests and benches).
pub struct Facilitator<'a, A: BorrowMut<App> = App> {
    pub app: A,
    store: &'a Store,
    /// The members' reports, read once the first frame is out.
    job: Option<ReportsJob>,
    /// Read-only sessions follow the files another facilitator writes.
    seen: Option<Stamp>,
    /// The members' files as last read: a sync may bring a member's update mid-meeting.
    members_seen: Option<Stamp>,
    /// The facilitator's own folder for private notes, and the notes as last written.
    private: Option<(Private, Vec<PrivateNote>)>,
    /// Syncing in the background, when the folder is shared; the loop's waker for it.
    auto: Option<Auto>,
    waker: Option<Waker>,
    /// The meeting closed and the round that sends it has been started.
    closed_sent: bool,
    /// The group folder's and the meetings folder's listings, to look through the
    /// members' folders for sync debris once the first frame is out.
    debris_look: Option<(Vec<String>, Vec<String>)>,
}

impl<'a, A: BorrowMut<App>> Facilitator<'a, A> {
    pub fn new(app: A, store: &'a Store) -> Facilitator<'a, A> {
        let mut f = Facilitator {
            app,
            store,
            job: None,
            seen: None,
            members_seen: None,
            private: None,
            auto: None,
            waker: None,
            closed_sent: false,
            debris_look: None,
        };
        if f.app().ui.read_only {
            f.seen = Some(f.meeting_stamp());
        }
        f
    }

    /// Keep private notes in `private` (the notes in the app now are what it holds).
    pub fn with_private(mut self, private: Option<Private>) -> Self {
        let notes =
            self.app().meeting.as_ref().or(self.app().ctx.open_meeting.as_ref()).map(|m| m.private_notes.clone());
        self.private = private.map(|p| (p, notes.unwrap_or_default()));
        self
    }

    /// Sync in the background: when it opens (after the first frame), every few minutes,
    /// and when the meeting closes.
    pub fn with_auto_sync(mut self, auto: Option<Auto>) -> Self {
        self.auto = auto;
        self
    }

    /// The background rounds, handed back when the program ends.
    pub fn into_auto_sync(self) -> Option<Auto> {
        self.auto
    }

    /// Start a background round if none is running: the lease is kept unless read-only.
    fn start_round(&mut self) {
        let (Some(auto), Some(waker)) = (self.auto.as_mut(), self.waker.clone()) else { return };
        let round = if self.app.borrow().ui.read_only { Round::Sync } else { Round::Facilitator };
        auto.start(round, run::now(), move || waker.wake());
    }

    /// Look for sync debris after the first frame, in these listings of the group folder
    /// and the meetings folder and in the members' folders.
    pub fn with_debris_look(mut self, root: Vec<String>, meetings: Vec<String>) -> Self {
        self.debris_look = Some((root, meetings));
        self
    }

    /// Read the members' reports after the first frame instead of before.
    pub fn with_reports_job(mut self, job: ReportsJob) -> Self {
        self.job = Some(job);
        self
    }

    fn app(&self) -> &App {
        self.app.borrow()
    }

    /// Apply an action and carry out its effects without a terminal. Returns `true` to
    /// quit.
    pub fn dispatch(&mut self, action: Action, now: DateTime<FixedOffset>) -> bool {
        run::apply(self, action, now)
    }

    /// Carry out effects `update` returned to a caller driving it by hand, and apply what
    /// they report. Returns `true` to quit.
    pub fn carry_out(&mut self, effects: Vec<Effect>, now: DateTime<FixedOffset>) -> bool {
        run::apply_effects(self, effects, now)
    }

    fn meeting_stamp(&self) -> Stamp {
        let id = self.app().meeting.as_ref().or(self.app().ctx.open_meeting.as_ref()).map(|m| m.id.as_str());
        self.store.meeting_stamp(id)
    }

    /// Read-only: what the holder of the group saved since the last look.
    fn follow(&mut self) -> Option<News> {
        let now = self.meeting_stamp();
        if self.seen.as_ref() == Some(&now) {
            return None;
        }
        self.seen = Some(now);
        let ctx = Context::load(self.store, Strictness::Lenient).ok()?;
        let meeting = ctx.open_meeting.clone().or_else(|| {
            let id = self.app().meeting.as_ref()?.id.clone();
            self.store.load_meeting(&id).ok()
        });
        Some(News::Followed { ctx, meeting })
    }

    /// The members' files, reloaded when they changed on disk.
    fn members(&mut self) -> Option<News> {
        let now = self.store.members_stamp(self.app().ctx.group.members.iter().map(|m| m.id.as_str()));
        match &self.members_seen {
            // The first look, after the first frame: what was loaded is current.
            None => {
                self.members_seen = Some(now);
                return None;
            }
            Some(seen) if *seen == now => return None,
            Some(_) => self.members_seen = Some(now),
        }
        Context::load(self.store, Strictness::Lenient).ok().map(News::MembersChanged)
    }

    /// Save the meeting file (never with its private notes) and, when they changed, the
    /// private notes in the facilitator's own folder.
    fn save_meeting(&mut self) -> Vec<Action> {
        let Some(m) = self.app.borrow().meeting.as_ref() else { return Vec::new() };
        if let Some((private, saved)) = self.private.as_mut()
            && *saved != m.private_notes
        {
            if let Err(e) = private.save_notes(&m.id, &m.private_notes) {
                return vec![Action::SaveFailed(e.short())];
            }
            *saved = m.private_notes.clone();
        }
        match self.store.save_meeting(m) {
            Ok(()) => vec![Action::Saved],
            // Someone else changed the file since: `update` merges theirs in, then saves.
            Err(StoreError::ChangedOnDisk { .. }) => match self.store.load_meeting(&m.id) {
                Ok(theirs) => vec![Action::FromDisk(Box::new(News::MeetingChanged(theirs)))],
                Err(e) => vec![Action::SaveFailed(e.short())],
            },
            Err(e) => vec![Action::SaveFailed(e.short())],
        }
    }

    /// The group as it is on disk now, to start the meeting after the one just closed.
    fn read_for_new_meeting(&self) -> Vec<Action> {
        match Context::load(self.store, Strictness::Lenient) {
            Ok(ctx) => vec![Action::FromDisk(Box::new(News::ForNewMeeting(ctx)))],
            Err(e) => vec![Action::SaveFailed(e.short())],
        }
    }

    fn save_group(&self) -> Vec<Action> {
        match self.store.save_group(&self.app().ctx.group) {
            Ok(()) => vec![Action::Saved],
            Err(StoreError::ChangedOnDisk { .. }) => match self.store.load_group() {
                Ok(theirs) => vec![Action::FromDisk(Box::new(News::GroupChanged(theirs)))],
                Err(e) => vec![Action::SaveFailed(e.short())],
            },
            Err(e) => vec![Action::SaveFailed(e.short())],
        }
    }

    /// What the facilitator typed in for a member, into `members/<id>/entered/`.
    fn save_entered(&self, member: &str, prep: bool, goals: bool) -> Vec<Action> {
        let ctx = &self.app().ctx;
        let prep = ctx.preps.get(member).filter(|_| prep).map(|p| self.store.save_entered_prep(member, p));
        let goals = goals.then(|| {
            let file = crate::model::GoalsFile {
                goals: ctx.goals_of(member).to_vec(),
                entered_by: Some(crate::model::member_files::ENTERED_BY_FACILITATOR.to_string()),
                ..Default::default()
            };
            self.store.save_entered_goals(member, &file)
        });
        match prep.into_iter().chain(goals).find_map(Result::err) {
            None => vec![Action::Saved],
            Some(e) => vec![Action::SaveFailed(e.short())],
        }
    }
}

impl<A: BorrowMut<App>> Program for Facilitator<'_, A> {
    type Action = Action;
    type Effect = Effect;

    fn action_for(&self, event: &Event) -> Option<Action> {
        keymap::lookup(self.app(), event)
    }

    fn update(&mut self, action: Action, now: DateTime<FixedOffset>) -> Vec<Effect> {
        update(self.app.borrow_mut(), action, now)
    }

    fn redraws(&self, action: &Action) -> bool {
        *action != Action::Tick
    }

    fn before(&self, effect: &Effect) -> Option<Action> {
        let saves = matches!(
            effect,
            Effect::SaveMeeting | Effect::SaveGroup | Effect::SaveParking | Effect::SaveEntered { .. }
        );
        (saves && !self.app().ui.read_only).then_some(Action::Saving)
    }

    fn perform(&mut self, effect: Effect, _now: DateTime<FixedOffset>) -> Outcome<Action> {
        match effect {
            Effect::SaveMeeting | Effect::SaveGroup | Effect::SaveParking if self.app().ui.read_only => {
                Outcome::Then(Vec::new())
            }
            Effect::SaveParking => Outcome::Then(match self.store.save_parking(&self.app().ctx.parking) {
                Ok(()) => vec![Action::Saved],
                Err(e) => vec![Action::SaveFailed(e.short())],
            }),
            Effect::SaveMeeting => {
                let done = self.save_meeting();
                let closed = self.app().meeting.as_ref().is_some_and(|m| !m.is_open());
                if closed && !self.closed_sent && done == [Action::Saved] {
                    self.closed_sent = true;
                    self.start_round();
                }
                Outcome::Then(done)
            }
            Effect::SaveGroup => Outcome::Then(self.save_group()),
            Effect::ReadForNewMeeting => Outcome::Then(self.read_for_new_meeting()),
            Effect::SaveEntered { .. } if self.app().ui.read_only => Outcome::Then(Vec::new()),
            Effect::SaveEntered { member, prep, goals } => Outcome::Then(self.save_entered(&member, prep, goals)),
            Effect::Bell => Outcome::Bell,
            Effect::Quit => Outcome::Quit,
        }
    }

    fn settle(&mut self) -> Vec<Action> {
        if self.auto.as_ref().is_some_and(Auto::due) {
            self.start_round();
        }
        let debris = self
            .debris_look
            .take()
            .map(|(root, meetings)| News::Debris(debris_listed(self.store.root(), &root, &meetings)));
        let loaded = self.job.take().map(|job| {
            let reports = News::ReportsLoaded(job.run(self.store));
            // A history that cannot be read leaves the order and minutes as they were.
            let members: Vec<String> = self.app().ctx.group.members.iter().map(|m| m.id.clone()).collect();
            let seats = self.store.seats(&members).ok().map(News::SeatsLoaded);
            [reports].into_iter().chain(seats)
        });
        debris.into_iter().chain(loaded.into_iter().flatten()).map(|n| Action::FromDisk(Box::new(n))).collect()
    }

    fn poll(&mut self, _now: DateTime<FixedOffset>) -> Vec<Action> {
        let synced = self.auto.as_mut().and_then(Auto::finished).map(News::Synced);
        if self.auto.as_ref().is_some_and(Auto::due) {
            self.start_round();
        }
        let news = if self.app().ui.read_only { self.follow() } else { self.members() };
        synced.into_iter().chain(news).map(|n| Action::FromDisk(Box::new(n))).chain([Action::Tick]).collect()
    }

    fn attach(&mut self, waker: Waker) {
        self.waker = Some(waker);
    }

    fn shutdown(&self) -> Action {
        Action::Shutdown
    }

    fn draw(&self, frame: &mut Frame, now: DateTime<FixedOffset>) {
        ui::view(self.app(), frame, now);
    }

    fn clock_key(&self, now: DateTime<FixedOffset>) -> (i64, i64, i64) {
        ui::clock_key(self.app(), now)
    }

    fn next_change_ms(&self, now: DateTime<FixedOffset>) -> u64 {
        let wait = ui::next_change_ms(self.app(), now);
        if self.app().ui.read_only { wait.min(1000) } else { wait }
    }
}

/// Carry out the effects `update` returned for an app driven by hand (tests, benches), as
/// the loop would. Returns `true` to quit.
pub fn run_effects(app: &mut App, store: &Store, effects: Vec<Effect>, now: DateTime<FixedOffset>) -> bool {
    Facilitator::new(app, store).carry_out(effects, now)
}

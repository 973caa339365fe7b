//! What the loop found on disk, merged into the app by `update`: the members' reports
//! read after the first frame, members' files changed by a sync, the files another
//! facilitator saved (read-only), and a meeting or group file someone changed under a
//! save.

use chrono::{DateTime, FixedOffset};

use super::action::{Effect, News};
use super::state::{App, StatusKind};
use super::strings as s;
use crate::model::merge;

pub fn merge(app: &mut App, news: News, now: DateTime<FixedOffset>) -> Vec<Effect> {
    match news {
        News::ReportsLoaded(reports) => app.ctx.set_reports(reports),
        News::SeatsLoaded(seats) => app.seats = Some(seats),
        News::Debris(files) if files.is_empty() => {}
        News::Debris(files) => app.add_banner(s::debris_banner(&files)),
        News::MembersChanged(mut fresh) => {
            // The members' own files are new; the group and the meetings stay as they are.
            let old = &mut app.ctx;
            std::mem::swap(&mut fresh.group, &mut old.group);
            fresh.meeting_ids = std::mem::take(&mut old.meeting_ids);
            fresh.previous = old.previous.take();
            fresh.open_meeting = old.open_meeting.take();
            fresh.parking = std::mem::take(&mut old.parking);
            fresh.carry_recent(old);
            *old = fresh;
        }
        News::Followed { mut ctx, mut meeting } => {
            // A follower never shows a private note, whatever a meeting file still holds.
            for m in ctx.open_meeting.iter_mut().chain(meeting.iter_mut()) {
                m.private_notes.clear();
            }
            let started = app.meeting.is_some();
            app.ctx = ctx;
            if started {
                app.ctx.open_meeting = None;
                app.meeting = meeting;
            }
        }
        News::MeetingChanged(theirs) => {
            let Some(m) = app.meeting.as_mut() else { return Vec::new() };
            let taken = merge::merge_meeting(m, &theirs);
            let msg = s::merged(&m.id, taken);
            app.set_status(StatusKind::Warning, msg);
            return vec![Effect::SaveMeeting];
        }
        News::Synced(report) => synced(app, report),
        News::ForNewMeeting(ctx) => return super::close::start_fresh(app, ctx, now),
        News::GroupChanged(theirs) => {
            app.ctx.group = merge::merge_group(&app.ctx.group, &theirs);
            return vec![Effect::SaveGroup];
        }
    }
    Vec::new()
}

/// A background sync round: the header's state, another machine that took the lease
/// (this one follows from now on), incoming changes their authors may not write.
fn synced(app: &mut App, report: crate::sync::auto::Report) {
    app.ui.sync = Some(report.status);
    let mut lines = Vec::new();
    if let Some(lease) = report.lost_lease {
        app.ui.read_only = true;
        let why = s::lease_elsewhere(&crate::sync::strings::lease(&lease));
        app.ui.held_by = Some(why.clone());
        lines.push(why);
    }
    if let Ok(outcome) = &report.result
        && let Some(first) = outcome.flags.first()
    {
        lines.push(s::incoming_flags(&crate::sync::strings::flag(first), outcome.flags.len()));
    }
    if !lines.is_empty() {
        app.add_banner(lines.join(" · "));
    }
}

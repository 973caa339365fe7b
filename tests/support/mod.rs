//! What the integration tests of both programs share: fixed times, the demo group, key
//! events, driving and drawing the facilitator's app and the member's view, running the
//! binary, and what a folder holds. A test file takes it all with
//! `mod support; use support::*;`; the pseudo-terminal (`pty`), the broken-file corpus
//! (`corpus`) and the replayed meeting (`walk`) are named where they are used.
#![allow(dead_code, unused_imports)]

pub mod arb;
pub mod cli;
pub mod corpus;
pub mod demo;
pub mod facilitator;
pub mod files;
pub mod keys;
pub mod member;
pub mod pty;
pub mod sync;
pub mod time;
pub mod walk;

pub use cli::*;
pub use demo::*;
pub use facilitator::*;
pub use files::*;
pub use keys::*;
pub use member::*;
pub use time::*;

use chrono::{DateTime, FixedOffset};

/// A program's pure `update`: the facilitator's app or the member's view.
pub trait Updates {
    type Action;
    type Effect;
    fn apply(&mut self, action: Self::Action, now: DateTime<FixedOffset>) -> Vec<Self::Effect>;
}

impl Updates for hotseat::facilitator::App {
    type Action = hotseat::facilitator::Action;
    type Effect = hotseat::facilitator::Effect;
    fn apply(&mut self, action: Self::Action, now: DateTime<FixedOffset>) -> Vec<Self::Effect> {
        hotseat::facilitator::update(self, action, now)
    }
}

impl Updates for hotseat::member::MemberApp {
    type Action = hotseat::member::MemberAction;
    type Effect = hotseat::member::MemberEffect;
    fn apply(&mut self, action: Self::Action, now: DateTime<FixedOffset>) -> Vec<Self::Effect> {
        hotseat::member::update(self, action, now)
    }
}

/// One action into either program's `update`, at an explicit time; the effects it asks for.
pub fn act<P: Updates>(app: &mut P, action: P::Action, now: DateTime<FixedOffset>) -> Vec<P::Effect> {
    app.apply(action, now)
}

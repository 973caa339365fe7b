//! A group's agenda: its phases with their timeboxes, and the hot-seat protocol (the steps
//! of one turn, each with its share of the turn and a one-line reminder). Kept in
//! `group.json`; a group without one runs the mastermind agenda.
//!
//! Every agenda goes through the same five kinds of phase, in order ([`Phase`]): what a
//! template changes is what each is called, how long it takes, and the protocol of a turn.

use serde::{Deserialize, Serialize};

use super::Phase;

/// One phase of the agenda.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaPhase {
    /// Which of the meeting's five phases this is.
    pub phase: Phase,
    /// What the phase bar calls it.
    pub label: String,
    /// Its timebox.
    pub minutes: u32,
    /// What happens in it, in one line.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub about: String,
}

/// One step of the hot-seat protocol.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProtocolStep {
    pub name: String,
    /// Its share of the turn, in percent (the shares add up to 100).
    pub share: u32,
    /// The one line shown while the step runs.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reminder: String,
    /// A cap on the step, whatever the turn's length.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_minutes: Option<u32>,
}

/// The agenda kept in `group.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agenda {
    /// The template it was made from.
    pub template: String,
    pub phases: Vec<AgendaPhase>,
    pub protocol: Vec<ProtocolStep>,
    /// Ring the bell when a protocol step's time is up (off: the bar only flags it).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub step_bell: bool,
}

/// Where a problem with a hand-edited agenda is, as a JSON path below `agenda`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum At {
    Key(&'static str),
    Index(usize),
}

/// A problem with a hand-edited agenda.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaProblem {
    pub at: Vec<At>,
    pub message: String,
}

/// The longest a phase's timebox may be.
pub const MAX_PHASE_MINUTES: u32 = 600;
/// The most steps a protocol may have.
pub const MAX_STEPS: usize = 8;

impl Agenda {
    /// The phase bar's label for `p`.
    pub fn label(&self, p: Phase) -> &str {
        self.phase(p).map(|x| x.label.as_str()).unwrap_or_else(|| super::words::phase_label(p))
    }

    pub fn phase(&self, p: Phase) -> Option<&AgendaPhase> {
        self.phases.iter().find(|x| x.phase == p)
    }

    /// The timebox of `p`, in minutes (0 when the agenda has none).
    pub fn minutes(&self, p: Phase) -> u32 {
        self.phase(p).map(|x| x.minutes).unwrap_or(0)
    }

    /// Each protocol step's length in a turn of `turn_secs`, in seconds: by share, a step
    /// with a cap held to it and what it gives up shared by the others; the rest goes to
    /// the last step so the steps add up to the turn.
    pub fn step_secs(&self, turn_secs: u32) -> Vec<u32> {
        let n = self.protocol.len();
        if n == 0 {
            return Vec::new();
        }
        let total: u64 = self.protocol.iter().map(|s| s.share as u64).sum::<u64>().max(1);
        let mut secs: Vec<u32> =
            self.protocol.iter().map(|s| (turn_secs as u64 * s.share as u64 / total) as u32).collect();
        let mut freed = 0u32;
        for (i, s) in self.protocol.iter().enumerate() {
            if let Some(cap) = s.max_minutes.map(|m| m * 60)
                && secs[i] > cap
            {
                freed += secs[i] - cap;
                secs[i] = cap;
            }
        }
        let open: Vec<usize> =
            (0..n).filter(|i| self.protocol[*i].max_minutes.is_none_or(|m| secs[*i] < m * 60)).collect();
        if freed > 0 && !open.is_empty() {
            let each = freed / open.len() as u32;
            for i in &open {
                secs[*i] += each;
            }
        }
        let used: u32 = secs.iter().sum();
        let last = open.last().copied().unwrap_or(n - 1);
        secs[last] += turn_secs.saturating_sub(used);
        secs
    }

    /// Which step `used_ms` into a turn of `turn_secs` the clock alone would be in.
    pub fn step_at(&self, turn_secs: u32, used_ms: u64) -> usize {
        let mut end = 0u64;
        for (i, s) in self.step_secs(turn_secs).iter().enumerate() {
            end += *s as u64 * 1000;
            if used_ms < end {
                return i;
            }
        }
        self.protocol.len().saturating_sub(1)
    }

    /// What is wrong with a hand-edited agenda, if anything.
    pub fn problems(&self) -> Vec<AgendaProblem> {
        let mut out = Vec::new();
        let mut say = |at: Vec<At>, message: String| out.push(AgendaProblem { at, message });
        for (i, p) in Phase::ALL.iter().enumerate() {
            match self.phases.iter().position(|x| x.phase == *p) {
                None => say(vec![At::Key("phases")], format!("the phase {} is missing", phase_key(*p))),
                Some(j) if j != i => say(
                    vec![At::Key("phases"), At::Index(j), At::Key("phase")],
                    format!("{} must be phase number {} of five, in the order of the meeting", phase_key(*p), i + 1),
                ),
                Some(_) => {}
            }
        }
        if self.phases.len() > Phase::ALL.len() {
            say(vec![At::Key("phases")], "an agenda has exactly five phases, each once".into());
        }
        for (i, p) in self.phases.iter().enumerate() {
            if p.label.trim().is_empty() || p.label.chars().any(char::is_control) {
                say(vec![At::Key("phases"), At::Index(i), At::Key("label")], "a phase needs a plain label".into());
            }
            if p.minutes > MAX_PHASE_MINUTES {
                say(
                    vec![At::Key("phases"), At::Index(i), At::Key("minutes")],
                    format!("{} minutes is longer than any meeting; keep it to {MAX_PHASE_MINUTES}", p.minutes),
                );
            }
        }
        if self.protocol.is_empty() || self.protocol.len() > MAX_STEPS {
            say(vec![At::Key("protocol")], format!("a hot-seat protocol has 1 to {MAX_STEPS} steps"));
        }
        for (i, s) in self.protocol.iter().enumerate() {
            if s.name.trim().is_empty() || s.name.chars().any(char::is_control) {
                say(vec![At::Key("protocol"), At::Index(i), At::Key("name")], "a step needs a plain name".into());
            }
            if s.share == 0 {
                say(vec![At::Key("protocol"), At::Index(i), At::Key("share")], "a step needs a share above 0".into());
            }
        }
        let total: u32 = self.protocol.iter().map(|s| s.share).sum();
        if !self.protocol.is_empty() && total != 100 {
            say(vec![At::Key("protocol")], format!("the steps' shares add up to {total}, not 100"));
        }
        out
    }
}

/// How a phase is spelled in `group.json`.
pub fn phase_key(p: Phase) -> &'static str {
    match p {
        Phase::CheckIn => "check_in",
        Phase::ReportBack => "report_back",
        Phase::PrepReview => "prep_review",
        Phase::HotSeats => "hot_seats",
        Phase::WrapUp => "wrap_up",
    }
}

pub use super::templates::{TEMPLATES, template};

/// The mastermind template, for groups without an agenda of their own.
pub fn default_agenda() -> &'static Agenda {
    static DEFAULT: std::sync::OnceLock<Agenda> = std::sync::OnceLock::new();
    DEFAULT.get_or_init(|| template(TEMPLATES[0]).expect("the default template"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_is_valid_and_named() {
        for name in TEMPLATES {
            let a = template(name).unwrap();
            assert_eq!(a.template, name);
            assert!(a.problems().is_empty(), "{name}: {:?}", a.problems());
        }
        assert!(template("nope").is_none());
    }

    #[test]
    fn steps_scale_with_the_turn_and_add_up() {
        let a = template("mastermind").unwrap();
        for secs in [60, 600, 17 * 60, 25 * 60 + 7] {
            let s = a.step_secs(secs);
            assert_eq!(s.iter().sum::<u32>(), secs);
            assert_eq!(s.len(), 4);
        }
        let long = a.step_secs(40 * 60);
        assert!(long[0] > a.step_secs(20 * 60)[0]);
    }

    #[test]
    fn a_capped_step_gives_its_excess_to_the_others() {
        let f = template("forum").unwrap();
        let s = f.step_secs(60 * 60);
        assert_eq!(s[0], 15 * 60, "Present stays at 15 minutes");
        assert_eq!(s.iter().sum::<u32>(), 3600);
    }

    #[test]
    fn step_at_follows_the_clock() {
        let a = template("mastermind").unwrap();
        let s = a.step_secs(600);
        assert_eq!(a.step_at(600, 0), 0);
        assert_eq!(a.step_at(600, s[0] as u64 * 1000), 1);
        assert_eq!(a.step_at(600, 10_000_000), 3);
    }

    #[test]
    fn problems_point_at_the_field() {
        let mut a = template("mastermind").unwrap();
        a.protocol[1].share = 0;
        a.phases.swap(0, 1);
        let p = a.problems();
        assert!(p.iter().any(|p| p.at == vec![At::Key("protocol"), At::Index(1), At::Key("share")]));
        assert!(p.iter().any(|p| p.message.contains("add up to")));
        assert!(p.iter().any(|p| p.message.contains("order")));
    }
}

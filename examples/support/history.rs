//! A realistic, deterministic group history, written through hotseat's own model and
//! store: the group, one file per meeting (attendance, report-back reviews, turns, action
//! steps, private notes, ratings and the `open_after` snapshot a closing meeting writes),
//! and each member's goals, prep files and own progress reports.
//!
//! Shared by `examples/generate_history.rs`, the benchmarks and `examples/term_bench.rs`
//! (each includes this file with `#[path]`).

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, TimeZone};
use hotseat::model::ledger::Ledger;
use hotseat::model::{
    ActionStep, Attendance, Cadence, FACILITATOR, FORMAT_VERSION, Goal, GoalsFile, Group, Meeting, Member,
    MemberProgress, Phase, Presence, PrivateNote, Progress, ProgressFile, Rating, Review, Status, Turn,
};
use hotseat::model::{Prep, group};
use hotseat::store::{Store, StoreError};

/// Bumped whenever the generated history changes shape, so that cached copies are redone.
pub const GENERATOR_VERSION: u32 = 1;

/// The newest meeting's date unless `--end` says otherwise: fixed, so a seed always gives
/// the same bytes.
pub const DEFAULT_END: &str = "2026-11-17";

#[derive(Debug, Clone)]
pub struct Options {
    pub members: usize,
    pub years: u32,
    pub cadence: Cadence,
    pub seed: u64,
    /// The date of the newest meeting.
    pub end: NaiveDate,
    /// Leave the newest meeting open in the hot seats (else every meeting is closed).
    pub open_meeting: bool,
}

impl Options {
    pub fn new(members: usize, years: u32) -> Options {
        Options {
            members,
            years,
            cadence: Cadence::Weekly,
            seed: 1,
            end: NaiveDate::parse_from_str(DEFAULT_END, "%Y-%m-%d").expect("valid default"),
            open_meeting: true,
        }
    }

    /// A folder name that says what is in it, for caches.
    pub fn cache_name(&self) -> String {
        format!(
            "{}y-{}m-{}-seed{}-{}{}-v{GENERATOR_VERSION}",
            self.years,
            self.members,
            cadence_key(self.cadence),
            self.seed,
            self.end,
            if self.open_meeting { "-open" } else { "" }
        )
    }
}

pub fn cadence_key(c: Cadence) -> &'static str {
    match c {
        Cadence::Weekly => "weekly",
        Cadence::Biweekly => "biweekly",
        Cadence::Monthly => "monthly",
    }
}

/// What was written.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub meetings: usize,
    pub steps: usize,
    pub reviews: usize,
    /// Steps open after the newest closed meeting.
    pub open_after_last_close: usize,
    pub member_reports: usize,
    pub prep_files: usize,
    pub files: usize,
    pub bytes: u64,
    pub open_meeting: Option<String>,
    pub seconds: f64,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "meetings             {}", self.meetings)?;
        writeln!(f, "action steps         {}", self.steps)?;
        writeln!(f, "report-back reviews  {}", self.reviews)?;
        writeln!(f, "open after last close {}", self.open_after_last_close)?;
        writeln!(f, "members' own reports {}", self.member_reports)?;
        writeln!(f, "prep files           {}", self.prep_files)?;
        writeln!(f, "files                {} ({:.1} MB)", self.files, self.bytes as f64 / 1e6)?;
        if let Some(id) = &self.open_meeting {
            writeln!(f, "open meeting         {id} (in the hot seats; `hotseat meeting` resumes it)")?;
        }
        write!(f, "written in           {:.1} s", self.seconds)
    }
}

// ----- a tiny deterministic PRNG (splitmix64) -----

pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x005E_ED0F_4E57_5EA7)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        ((self.next_u64() as u128 * n as u128) >> 64) as u64
    }
    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }
    pub fn float(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn chance(&mut self, p: f64) -> bool {
        self.float() < p
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
    pub fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            let j = self.below(i as u64 + 1) as usize;
            xs.swap(i, j);
        }
    }
}

// ----- words -----

const FIRST: &[&str] = &[
    "Ada", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemi", "Luca", "Maya", "Nikhil",
    "Olga", "Pablo", "Quinn", "Rosa", "Sami", "Tomas", "Uma", "Victor", "Wen", "Ximena", "Yusuf", "Zoe", "Amara",
    "Bruno", "Carmen", "Dmitri", "Eva", "Felix",
];
const LAST: &[&str] = &[
    "Lovelace",
    "Okafor",
    "Martin",
    "Patel",
    "Rossi",
    "Haddad",
    "Kim",
    "Tanaka",
    "Silva",
    "Berg",
    "Adeyemi",
    "Moretti",
    "Cohen",
    "Rao",
    "Ivanova",
    "Garcia",
    "Byrne",
    "Costa",
    "Nasser",
    "Novak",
    "Schulz",
    "Dubois",
    "Lindqvist",
    "Mensah",
];
const ROLES: &[&str] = &[
    "CEO",
    "Founder",
    "Head of Sales",
    "CTO",
    "COO",
    "Head of Marketing",
    "VP Engineering",
    "Finance Director",
    "Head of People",
    "Product Lead",
    "Managing Partner",
    "Operations Manager",
    "Design Director",
    "Head of Support",
];
const DEPARTMENTS: &[&str] = &["Sales", "Engineering", "Operations", "Finance", "Marketing", "Product", "People"];
const SKILLS: &[&str] = &[
    "negotiation",
    "public speaking",
    "hiring",
    "pricing",
    "fundraising",
    "delegation",
    "writing",
    "forecasting",
    "coaching",
    "product discovery",
];

const STEP_VERBS: &[&str] = &[
    "Call",
    "Email",
    "Meet",
    "Interview",
    "Send the proposal to",
    "Follow up with",
    "Book demos with",
    "Ask for referrals from",
];
const STEP_WHO: &[&str] = &[
    "dormant enterprise accounts",
    "warm investor leads",
    "former customers",
    "channel partners",
    "candidates for the ops role",
    "pilot users",
    "board members",
    "suppliers",
    "agency contacts",
    "alumni of the programme",
];
const STEP_TASKS: &[&str] = &[
    "Draft the pricing page and get two people to read it",
    "Write the one-page plan for next quarter",
    "Hand the weekly ops meeting to the head of operations",
    "Block two mornings a week for deep work",
    "Close the books for last month",
    "Record a five-minute demo video",
    "Rewrite the onboarding email sequence",
    "Review the hiring funnel with the recruiter",
    "Cut the three lowest-margin products",
    "Prepare the board deck outline",
    "Ship the beta to the waiting list",
    "Renegotiate the warehouse contract",
    "Set up a weekly cash-flow forecast",
    "Ask the team for anonymous feedback on meetings",
    "Publish the case study with the pilot customer",
    "Run the pricing experiment on the small plan",
    "Find a mentor for the new team lead",
    "Decide whether to open the second location",
    "Write down the three things only I can do",
    "Turn off notifications after 7 pm for two weeks",
];
const RESULT_UNITS: &[&str] = &[
    "calls made",
    "meetings booked",
    "replies",
    "signed letters of intent",
    "demos held",
    "interviews done",
    "proposals out",
];
const RESULT_PLAIN: &[&str] = &[
    "a signed contract",
    "a decision written down",
    "sent, with two replies",
    "live on the website",
    "reviewed by two peers",
    "on the calendar, recurring",
    "numbers shared with the group",
];
const REVIEW_NOTES: &[&str] = &[
    "done early",
    "4 of 5, the last one is booked",
    "blocked by legal review",
    "rescheduled twice; will do Monday",
    "needed help from finance",
    "turned out not to matter",
    "half done, the hard half",
    "did it, and it worked better than expected",
    "ran out of week",
    "waiting on the supplier",
    "replaced by a better idea",
    "too big; split into two steps",
];
const MEMBER_NOTES: &[&str] = &[
    "sent on Tuesday",
    "two calls left",
    "stuck, will bring it to the group",
    "done, see the shared doc",
    "first draft only",
    "postponed for the launch",
];
const PRIVATE: &[&str] = &[
    "Sounds exhausted; check in about workload before next time.",
    "Co-founder tension again. Offer a one-to-one.",
    "Big win this week, worth celebrating next meeting.",
    "Keeps deferring the hiring decision; ask what is in the way.",
    "Mentioned health worries; do not raise in the group.",
    "Wants a Hot Team partner for pricing; pair with someone from sales.",
    "Was quiet; ask directly next time.",
];
const QUESTIONS: &[&str] = &[
    "How would you price the small plan?",
    "Should I hire a senior or two juniors?",
    "How do I tell my co-founder the launch must slip?",
    "What would you cut first from this roadmap?",
    "Who do you know at a logistics company?",
    "How do I stop being the bottleneck on approvals?",
    "Is it time to raise, or to wait two quarters?",
    "How do I give feedback to a friend who reports to me?",
];
const WALK_AWAY: &[&str] = &[
    "A decision on the hire",
    "Three names to call this week",
    "A price I can test on Monday",
    "Permission to say no to the big client",
    "One experiment for next week",
    "A clear first step on the board deck",
];
const ACCOMPLISHED: &[&str] = &[
    "Closed the pilot, hired the analyst.",
    "Finished the forecast; cash is fine until spring.",
    "Kept two mornings free every week.",
    "Shipped the beta to 40 users.",
    "Had the hard conversation with my co-founder.",
];
const PLANS: &[&str] = &[
    "Focus on the three biggest accounts until the end of the quarter.",
    "Delegate operations, spend the time on sales.",
    "Test the new price on every new lead this month.",
    "Hire the ops lead, then step back from daily stand-ups.",
];
const GOALS: &[(&str, &str)] = &[
    ("Grow revenue", "Monthly recurring revenue at 120k"),
    ("Build the leadership team", "Three leads hired and onboarded"),
    ("Raise the next round", "Term sheet signed"),
    ("Work fewer hours", "No more than 45 hours a week for a quarter"),
    ("Launch the new product", "200 paying customers"),
    ("Improve margins", "Gross margin above 55%"),
    ("Become a better speaker", "Two conference talks given"),
    ("Fix the cash flow", "Six months of runway at all times"),
];
const WHY: &[&str] = &[
    "So the company survives without me in every meeting.",
    "Because I promised the team we would get there together.",
    "So I can see my kids in the evenings.",
    "Because it proves the model works.",
];
const SLIP: &[&str] = &[
    "Remember why you started: the team, not the trophy.",
    "You said this matters more than the inbox. Does it?",
    "Small steps count. Do one today.",
    "Stop polishing; ship it.",
];

fn step_text(rng: &mut Rng) -> String {
    if rng.chance(0.45) {
        format!("{} {} {}", rng.pick(STEP_VERBS), rng.range(2, 12), rng.pick(STEP_WHO))
    } else {
        rng.pick(STEP_TASKS).to_string()
    }
}

fn step_result(rng: &mut Rng) -> String {
    if rng.chance(0.18) {
        return String::new();
    }
    if rng.chance(0.6) {
        format!("{} {}", rng.range(2, 15), rng.pick(RESULT_UNITS))
    } else {
        rng.pick(RESULT_PLAIN).to_string()
    }
}

// ----- the simulation -----

fn offset() -> FixedOffset {
    FixedOffset::east_opt(3600).expect("valid offset")
}

fn at(date: NaiveDate, hour: u32, min: u32) -> DateTime<FixedOffset> {
    let naive = date.and_hms_opt(hour, min, 0).expect("valid time");
    offset().from_local_datetime(&naive).single().expect("fixed offset")
}

/// Every meeting date, oldest first, ending on `end`.
fn meeting_dates(o: &Options) -> Vec<NaiveDate> {
    let per_year = match o.cadence {
        Cadence::Weekly => 52,
        Cadence::Biweekly => 26,
        Cadence::Monthly => 12,
    };
    let n = (per_year * o.years.max(1)) as usize;
    let mut dates = vec![o.end];
    while dates.len() < n {
        let last = *dates.last().expect("non-empty");
        let prev = match o.cadence {
            Cadence::Weekly => last - Duration::days(7),
            Cadence::Biweekly => last - Duration::days(14),
            Cadence::Monthly => last.checked_sub_months(chrono::Months::new(1)).expect("date in range"),
        };
        dates.push(prev);
    }
    dates.reverse();
    dates
}

fn members(rng: &mut Rng, n: usize) -> Vec<Member> {
    let mut out: Vec<Member> = Vec::new();
    let mut firsts: Vec<&str> = FIRST.to_vec();
    rng.shuffle(&mut firsts);
    for i in 0..n {
        let first = firsts[i % firsts.len()];
        let name = if i < firsts.len() {
            format!("{first} {}", rng.pick(LAST))
        } else {
            format!("{first} {} {}", rng.pick(LAST), i / firsts.len() + 1)
        };
        let base = group::slug(&name);
        let id = group::unique_slug(&base, |s| out.iter().any(|m| m.id == s));
        let offers = if rng.chance(0.5) { vec![rng.pick(SKILLS).to_string()] } else { Vec::new() };
        out.push(Member {
            id,
            name,
            role: rng.pick(ROLES).to_string(),
            department: rng.pick(DEPARTMENTS).to_string(),
            offers,
            reports_to: None,
        });
    }
    out
}

fn goals(rng: &mut Rng, end: NaiveDate) -> Vec<Goal> {
    let n = rng.range(2, 4) as usize;
    let mut pool: Vec<usize> = (0..GOALS.len()).collect();
    rng.shuffle(&mut pool);
    pool.iter()
        .take(n)
        .enumerate()
        .map(|(i, &g)| Goal {
            id: format!("g{}", i + 1),
            title: GOALS[g].0.to_string(),
            measurable_result: GOALS[g].1.to_string(),
            deadline: Some(end + Duration::days(rng.range(30, 400))),
            why: rng.pick(WHY).to_string(),
            slip_words: if rng.chance(0.8) { rng.pick(SLIP).to_string() } else { String::new() },
        })
        .collect()
}

fn review_progress(rng: &mut Rng, reviews_so_far: usize) -> Progress {
    let x = rng.float();
    // Steps that have been reported on several times get dropped more often.
    let drop = if reviews_so_far >= 3 { 0.35 } else { 0.05 };
    if x < drop {
        Progress::Dropped
    } else if x < drop + 0.38 {
        Progress::Done
    } else if x < drop + 0.38 + 0.3 {
        Progress::Partial
    } else {
        Progress::NotDone
    }
}

fn facilitator_reviews(s: &ActionStep) -> usize {
    s.history.iter().filter(|e| e.meeting.is_some()).count()
}

struct Writer<'a> {
    store: &'a Store,
    summary: Summary,
}

impl Writer<'_> {
    fn count(&mut self, path: &Path) {
        self.summary.files += 1;
        self.summary.bytes += std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    }
    fn meeting(&mut self, m: &Meeting) -> Result<(), StoreError> {
        self.store.save_meeting(m)?;
        self.count(&self.store.layout.meeting(&m.id));
        Ok(())
    }
    fn prep(&mut self, member: &str, p: &Prep) -> Result<(), StoreError> {
        self.store.save_prep(member, p)?;
        self.summary.prep_files += 1;
        self.count(&self.store.layout.prep(member, p.meeting));
        Ok(())
    }
}

/// Write a history into `out`, which must be empty or absent.
pub fn generate(out: &Path, o: &Options) -> Result<Summary, StoreError> {
    let started = Instant::now();
    if std::fs::read_dir(out).map(|mut d| d.next().is_some()).unwrap_or(false) {
        return Err(StoreError::io(out, "write into", &std::io::Error::other("the folder is not empty")));
    }
    let store = Store::new(out);
    let mut w = Writer { store: &store, summary: Summary::default() };
    let mut rng = Rng::new(o.seed);
    let dates = meeting_dates(o);

    let mut g = Group::new("Northside CEO Circle");
    g.cadence = o.cadence;
    g.meeting_minutes = 120;
    g.members = members(&mut rng, o.members.max(1));
    let ids: Vec<String> = g.members.iter().map(|m| m.id.clone()).collect();

    let mut member_goals: Vec<Vec<Goal>> = Vec::new();
    for id in &ids {
        let gs = goals(&mut rng, o.end);
        store.save_goals(id, &GoalsFile { version: FORMAT_VERSION, goals: gs.clone(), entered_by: None })?;
        w.count(&store.layout.goals(id));
        member_goals.push(gs);
    }
    // How reliably each member turns up and prepares.
    let reliability: Vec<f64> = ids.iter().map(|_| 0.8 + rng.float() * 0.18).collect();
    let mut progress: Vec<Vec<MemberProgress>> = vec![Vec::new(); ids.len()];
    let index = |id: &str| ids.iter().position(|x| x == id).expect("a member");

    let mut open: Vec<ActionStep> = Vec::new();
    let last = dates.len() - 1;
    for (k, &date) in dates.iter().enumerate() {
        let is_open = o.open_meeting && k == last;
        let next_date = dates.get(k + 1).copied().unwrap_or_else(|| o.cadence.next_after(date));
        let start = at(date, 18, 30);

        // Between meetings: members report on some of their own open steps.
        let prev_date = if k == 0 { date - Duration::days(7) } else { dates[k - 1] };
        let gap_days = (date - prev_date).num_days().max(2);
        for s in open.iter_mut() {
            if !rng.chance(0.11) {
                continue;
            }
            let x = rng.float();
            let p = if x < 0.5 {
                Progress::Done
            } else if x < 0.8 {
                Progress::Partial
            } else {
                Progress::NotDone
            };
            let day = prev_date + Duration::days(rng.range(1, gap_days - 1));
            let mp = MemberProgress {
                step: s.id.clone(),
                progress: p,
                note: if rng.chance(0.5) { rng.pick(MEMBER_NOTES).to_string() } else { String::new() },
                at: at(day, rng.range(7, 22) as u32, rng.range(0, 59) as u32),
            };
            s.record(mp.entry_by(hotseat::model::Reporter::Member, None));
            progress[index(&s.owner)].push(mp);
        }

        // Check-in.
        let attendance: Vec<Attendance> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| {
                let r = reliability[i];
                let presence = if rng.chance(r) {
                    Presence::Present
                } else if rng.chance(0.3) {
                    Presence::Late
                } else {
                    Presence::Absent
                };
                Attendance { member: id.clone(), presence }
            })
            .collect();
        let here: Vec<String> = attendance.iter().filter(|a| a.presence.is_here()).map(|a| a.member.clone()).collect();

        // Prep for this meeting.
        for (i, id) in ids.iter().enumerate() {
            if !rng.chance(reliability[i]) {
                continue;
            }
            let mut questions = Vec::new();
            for _ in 0..rng.range(0, 2) {
                questions.push(rng.pick(QUESTIONS).to_string());
            }
            let prep = Prep {
                version: FORMAT_VERSION,
                meeting: date,
                vision_reviewed: rng.chance(0.8),
                action_plan: if rng.chance(0.6) { rng.pick(PLANS).to_string() } else { String::new() },
                questions,
                walk_away: if rng.chance(0.75) { rng.pick(WALK_AWAY).to_string() } else { String::new() },
                accomplished: if rng.chance(0.7) { rng.pick(ACCOMPLISHED).to_string() } else { String::new() },
                updated_at: Some(at(date - Duration::days(rng.range(1, 3)), 21, rng.range(0, 59) as u32)),
                entered_by: None,
            };
            w.prep(id, &prep)?;
        }

        let mut m = Meeting::begin(date.to_string(), date, start, g.meeting_minutes, g.pledge.clone(), attendance);
        m.phase = Phase::WrapUp;
        m.pledge_acknowledged_at = Some(start + Duration::minutes(2));

        // Report-back on every step still open of those here.
        let mut t = start + Duration::minutes(8);
        for s in &open {
            if !m.presence(&s.owner).is_here() {
                continue;
            }
            let progress = match s.last_entry() {
                // Confirm what the member reported, mostly as reported.
                Some(e) if e.meeting.is_none() && rng.chance(0.85) => e.progress,
                _ => review_progress(&mut rng, facilitator_reviews(s)),
            };
            let note = if rng.chance(0.35) { rng.pick(REVIEW_NOTES).to_string() } else { String::new() };
            t += Duration::seconds(rng.range(8, 25));
            m.reviews.push(Review { step: s.id.clone(), progress, note, at: t });
        }

        // Hot seats.
        let mut order = here.clone();
        rng.shuffle(&mut order);
        let hot_start = t + Duration::minutes(5);
        let left = (m.scheduled_end() - hot_start).num_minutes() - 10;
        m.turn_minutes = (left / order.len().max(1) as i64).clamp(3, 60) as u32;
        m.order = order.clone();
        let current = if is_open { Some((order.len() * 3 / 5).min(order.len().saturating_sub(1))) } else { None };
        let mut t = hot_start;
        let mut n = 0;
        for (i, id) in order.iter().enumerate() {
            if current.is_some_and(|c| i > c) {
                break;
            }
            let planned = m.turn_minutes * 60;
            let mut turn = Turn::new(id, planned);
            turn.started_at = Some(t);
            let is_current = current == Some(i);
            let used_s = if is_current {
                (planned as i64 * rng.range(35, 65) / 100).max(30)
            } else {
                (planned as i64 * rng.range(85, 120) / 100).max(60)
            };
            turn.used_ms = used_s as u64 * 1000;
            turn.bell_rung = used_s >= planned as i64;
            if !is_current {
                turn.ended_at = Some(t + Duration::seconds(used_s));
            }
            let steps_here = if is_current { rng.range(1, 2) } else { rng.range(3, 8) };
            let goals = &member_goals[index(id)];
            for j in 0..steps_here {
                n += 1;
                let due = if rng.chance(0.1) {
                    None
                } else if rng.chance(0.85) {
                    Some(next_date)
                } else {
                    Some(next_date + Duration::days(7 * rng.range(1, 3)))
                };
                let goal = if !goals.is_empty() && rng.chance(0.7) { Some(rng.pick(goals).id.clone()) } else { None };
                m.steps.push(ActionStep {
                    id: format!("{}-{n}", m.id),
                    owner: id.clone(),
                    text: step_text(&mut rng),
                    measurable_result: step_result(&mut rng),
                    due,
                    goal,
                    meeting: m.id.clone(),
                    created_at: t + Duration::seconds((used_s * (j + 1) / (steps_here + 1)).max(1)),
                    history: Vec::new(),
                });
            }
            if rng.chance(0.3) {
                m.private_notes.push(PrivateNote {
                    member: id.clone(),
                    author: FACILITATOR.to_string(),
                    text: rng.pick(PRIVATE).to_string(),
                    updated_at: t + Duration::seconds(used_s / 2),
                });
            }
            m.turns.push(turn);
            t += Duration::seconds(used_s + rng.range(20, 90));
        }
        w.summary.steps += m.steps.len();
        w.summary.reviews += m.reviews.len();

        // What the app would compute: the open steps before, this meeting's new steps and
        // reviews, the members' own reports.
        let mut ledger = Ledger::from_steps(open.iter().cloned());
        ledger.add_meeting(&m);

        if is_open {
            m.phase = Phase::HotSeats;
            m.hot_seat = current.map(|c| order[c].clone());
            w.meeting(&m)?;
            g.next_meeting = Some(date);
            w.summary.open_meeting = Some(m.id.clone());
        } else {
            for id in &here {
                m.ratings.push(Rating { member: id.clone(), score: rng.range(6, 10) as u8 });
            }
            m.phase = Phase::WrapUp;
            m.status = Status::Closed;
            m.closed_at = Some(t + Duration::minutes(10));
            m.next_meeting = Some(next_date);
            open = ledger.open().cloned().collect();
            m.open_after = Some(open.clone());
            w.meeting(&m)?;
            g.next_meeting = Some(next_date);
            w.summary.open_after_last_close = open.len();
        }
        w.summary.meetings += 1;
    }

    for (i, id) in ids.iter().enumerate() {
        w.summary.member_reports += progress[i].len();
        let entries = std::mem::take(&mut progress[i]);
        store.save_progress(id, &ProgressFile { version: FORMAT_VERSION, entries })?;
        w.count(&store.layout.progress(id));
    }
    store.save_group(&g)?;
    w.count(&store.layout.group());
    w.summary.seconds = started.elapsed().as_secs_f64();
    Ok(w.summary)
}

/// The cargo target folder (for caches), from `CARGO_TARGET_DIR` or next to Cargo.toml.
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"),
    }
}

/// A generated history kept under `target/bench-history/`, generated on first use. Treat
/// it as read-only: copy it (see [`copy_dir`]) before changing anything in it.
pub fn cached(o: &Options) -> Result<PathBuf, StoreError> {
    let root = target_dir().join("bench-history");
    let dir = root.join(o.cache_name());
    if dir.join("group.json").exists() {
        return Ok(dir);
    }
    let tmp = root.join(format!(".{}.tmp-{}", o.cache_name(), std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    eprintln!("generating a {}-year history into {} (once) …", o.years, dir.display());
    generate(&tmp, o)?;
    // group.json is written last, so a folder that has it is complete.
    std::fs::rename(&tmp, &dir).map_err(|e| StoreError::io(&dir, "move into place", &e))?;
    Ok(dir)
}

/// Copy a group folder (files 0600, folders 0700, as the store makes them).
pub fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
    std::fs::DirBuilder::new().recursive(true).mode(0o700).create(to)?;
    for e in std::fs::read_dir(from)? {
        let e = e?;
        let target = to.join(e.file_name());
        if e.file_type()?.is_dir() {
            copy_dir(&e.path(), &target)?;
        } else {
            std::fs::copy(e.path(), &target)?;
            std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o600))?;
        }
    }
    Ok(())
}

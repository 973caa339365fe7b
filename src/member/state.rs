//! The member's own view: only this member's steps, goals, prep, partnerships and
//! check-ins, plus what the group shares openly (names, offers). Nothing of another
//! member's steps, prep or private notes is ever loaded into it.

use chrono::NaiveDate;
use ratatui_textarea::TextArea;
use tui_input::Input;

pub use crate::tui::status::{StatusKind, StatusLine};

use crate::model::{
    ActionStep, CheckinsFile, GoalsFile, Group, PartnersFile, Partnership, Prep, Progress, ProgressFile,
};

/// The four screens, in tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Screen {
    #[default]
    Steps,
    Goals,
    Prep,
    Partners,
}

impl Screen {
    pub const ALL: [Screen; 4] = [Screen::Steps, Screen::Goals, Screen::Prep, Screen::Partners];

    pub fn index(self) -> usize {
        Screen::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    pub fn cycle(self, delta: isize) -> Screen {
        let n = Screen::ALL.len() as isize;
        Screen::ALL[((self.index() as isize + delta).rem_euclid(n)) as usize]
    }
}

/// Another member's partnership that names me as the partner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartneredBy {
    pub member: String,
    pub partnership: Partnership,
}

/// Which field of the prep a row of the prep screen edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrepField {
    VisionReviewed,
    Accomplished,
    ActionPlan,
    Questions,
    WalkAway,
}

impl PrepField {
    pub const ALL: [PrepField; 5] = [
        PrepField::VisionReviewed,
        PrepField::Accomplished,
        PrepField::ActionPlan,
        PrepField::Questions,
        PrepField::WalkAway,
    ];
}

/// What a form is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormPurpose {
    /// Mark one of my steps, with a note.
    Progress { step: String, progress: Progress },
    /// Add a goal (`None`) or edit one.
    Goal { editing: Option<String> },
    /// One line of the prep.
    Prep(PrepField),
    /// A new Hot Team partnership.
    Partnership,
    /// A weekly check-in for one partnership.
    Checkin { partnership: String },
    /// The skills I offer as a Hot Team partner, comma-separated.
    Offers,
}

/// One labelled input of a form: typed text, or a box ticked with Space (`check`).
#[derive(Debug, Clone)]
pub struct Field {
    pub label: &'static str,
    pub input: Input,
    pub check: Option<bool>,
}

/// A form of one-line inputs (tui-input).
#[derive(Debug, Clone)]
pub struct Form {
    pub purpose: FormPurpose,
    pub fields: Vec<Field>,
    pub focus: usize,
    pub error: Option<String>,
}

impl Form {
    pub fn new(purpose: FormPurpose, fields: Vec<(&'static str, String)>) -> Form {
        Form {
            purpose,
            fields: fields.into_iter().map(|(label, v)| Field { label, input: Input::new(v), check: None }).collect(),
            focus: 0,
            error: None,
        }
    }

    /// The form with one more field: a box ticked (or not) with Space.
    pub fn with_check(mut self, label: &'static str, on: bool) -> Form {
        self.fields.push(Field { label, input: Input::default(), check: Some(on) });
        self
    }

    /// Whether the box of field `i` is ticked.
    pub fn checked(&self, i: usize) -> bool {
        self.fields.get(i).and_then(|f| f.check).unwrap_or(false)
    }

    pub fn value(&self, i: usize) -> String {
        self.fields.get(i).map(|f| f.input.value().trim().to_string()).unwrap_or_default()
    }
}

/// What opens over a screen.
#[derive(Debug, Clone)]
pub enum Overlay {
    None,
    /// The key list, scrolled down by this many lines.
    Help(u16),
    /// Asked only when the last save failed.
    ConfirmQuit,
    Form(Box<Form>),
    /// The questions for the group, one per line (ratatui-textarea).
    Questions(Box<TextArea<'static>>),
    /// Esc on changed questions: discard the changes? (no: back to the editor)
    DiscardQuestions(Box<TextArea<'static>>),
    /// The new partner is close at work (the warning says how): start anyway? (no: back
    /// to the form)
    ClosePartner {
        form: Box<Form>,
        warning: String,
    },
    /// `c` on a partnership checked in this week already: update that check-in?
    UpdateCheckin {
        partnership: String,
    },
}

/// Selection on each screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursors {
    pub steps: usize,
    pub goals: usize,
    pub prep: usize,
    pub partners: usize,
}

/// State only the screen cares about.
#[derive(Debug, Clone)]
pub struct MemberUi {
    pub screen: Screen,
    pub cursors: Cursors,
    pub overlay: Overlay,
    pub status: Option<StatusLine>,
    /// Other members' files that could not be read (offers, partnerships naming me).
    pub banner: Option<String>,
    pub color: bool,
    /// The last save failed; the change is kept in memory.
    pub unsaved: bool,
    /// How sharing the folder stands, when it is shared (the header says it).
    pub sync: Option<crate::sync::SyncStatus>,
    /// The terminal's size as the loop last said (`None`: not known, taken to fit).
    pub size: Option<(u16, u16)>,
}

impl Default for MemberUi {
    fn default() -> Self {
        MemberUi {
            screen: Screen::Steps,
            cursors: Cursors::default(),
            overlay: Overlay::None,
            status: None,
            banner: None,
            color: true,
            unsaved: false,
            sync: None,
            size: None,
        }
    }
}

/// Everything the member's view holds.
#[derive(Debug, Clone)]
pub struct MemberApp {
    /// My member id.
    pub me: String,
    /// The group: names, roles and the facilitator-set offers (shared openly).
    pub group: Group,
    /// My action steps, every one I ever had, with their history.
    pub steps: Vec<ActionStep>,
    /// Closed steps of mine not in `steps` yet: the first frame shows every open step
    /// and the newest closed ones, and the rest follow before any key is read
    /// (`MemberAction::StepsLoaded`). 0 once they are in.
    pub hidden_closed: usize,
    pub goals: GoalsFile,
    pub progress: ProgressFile,
    /// The date of the next meeting, which my prep is for.
    pub next_meeting: NaiveDate,
    pub prep: Prep,
    pub partners: PartnersFile,
    pub checkins: CheckinsFile,
    /// Skills other members offer in their own `partners.json` (member id, skills).
    pub member_offers: Vec<(String, Vec<String>)>,
    /// Other members' partnerships with me as the partner.
    pub partnered_by: Vec<PartneredBy>,
    pub ui: MemberUi,
}

impl MemberApp {
    pub fn my_name(&self) -> &str {
        self.group.name_of(&self.me)
    }

    pub fn set_status(&mut self, kind: StatusKind, text: impl Into<String>) {
        self.ui.status = Some(StatusLine { kind, text: text.into() });
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.set_status(StatusKind::Info, text);
    }

    pub fn is_editing(&self) -> bool {
        matches!(self.ui.overlay, Overlay::Form(_) | Overlay::Questions(_))
    }

    /// The display name of a partner.
    pub fn partner_name(&self, p: &crate::model::Partner) -> String {
        match p {
            crate::model::Partner::Member(id) => self.group.name_of(id).to_string(),
            crate::model::Partner::Outside(name) => name.clone(),
        }
    }
}

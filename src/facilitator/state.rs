//! The application state: the loaded group context, the meeting in progress, and
//! UI-only state (selection, overlays, drafts, status line) kept apart from the model.

use ratatui_textarea::TextArea;
use tui_input::Input;

use crate::model::Meeting;
use crate::store::snapshot::Context;
pub use crate::tui::status::{StatusKind, StatusLine};

/// What the user is typing into, if anything.
#[derive(Debug, Clone)]
pub enum Overlay {
    None,
    /// The key list, scrolled down by this many lines.
    Help(u16),
    ConfirmQuit,
    /// Close the meeting? (the one step that asks)
    ConfirmClose,
    /// Take back the group's affirmation of the pledge?
    ConfirmTakeBackPledge,
    /// Confirm removal of a step captured in this meeting.
    ConfirmDelete(String),
    StepForm(Box<StepForm>),
    /// The facilitator typing in a member's prep and goals (prep review, `e`).
    FillIn(Box<FillIn>),
    Note(Box<NoteEditor>),
    /// Esc on a changed private note: discard the changes? (no: back to the note)
    DiscardNote(Box<NoteEditor>),
    Line(LineInput),
}

/// The action-step form: text, measurable result, due date, goal.
#[derive(Debug, Clone)]
pub struct StepForm {
    /// The step being edited, or `None` for a new one.
    pub editing: Option<String>,
    pub owner: String,
    pub text: Input,
    pub result: Input,
    pub due: Input,
    /// Index into the owner's goals, or `None` for no goal.
    pub goal: Option<usize>,
    pub focus: FormField,
    pub error: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormField {
    Text,
    Result,
    Due,
    Goal,
}

impl FormField {
    pub const ALL: [FormField; 4] = [FormField::Text, FormField::Result, FormField::Due, FormField::Goal];
    pub fn next(self) -> FormField {
        let i = FormField::ALL.iter().position(|f| *f == self).unwrap_or(0);
        FormField::ALL[(i + 1) % FormField::ALL.len()]
    }
    pub fn prev(self) -> FormField {
        let i = FormField::ALL.iter().position(|f| *f == self).unwrap_or(0);
        FormField::ALL[(i + FormField::ALL.len() - 1) % FormField::ALL.len()]
    }
}

/// A row of the fill-in form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FillField {
    /// Goals and vision reviewed: a yes/no picked with ← →.
    Vision,
    Accomplished,
    ActionPlan,
    /// Questions for the group, `;` between them.
    Questions,
    WalkAway,
    /// The title of the member's first, second or third goal.
    Goal(usize),
}

/// The facilitator filling in for a member who does not run hotseat: the rows of their
/// prep (when they keep none of their own) and of their goals (likewise).
#[derive(Debug, Clone)]
pub struct FillIn {
    pub member: String,
    pub vision: bool,
    pub rows: Vec<(FillField, Input)>,
    pub focus: usize,
}

/// The private-note editor for one member.
#[derive(Debug, Clone)]
pub struct NoteEditor {
    pub member: String,
    pub text: TextArea<'static>,
    /// Shown on the facilitator's (shared) screen until the next key; masked otherwise.
    pub reveal: bool,
}

/// A one-line input and what it is for.
#[derive(Debug, Clone)]
pub struct LineInput {
    pub purpose: LinePurpose,
    pub input: Input,
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinePurpose {
    /// The note on a step's progress in the report-back.
    ReviewNote(String),
    NextMeetingDate,
    /// An item for the parking lot (`facilitator::parking`): its urgency, whom it is
    /// about, and the member in focus when it was opened.
    Park {
        urgency: crate::model::parking::Urgency,
        member: Option<String>,
        focus: Option<String>,
    },
}

/// Which row is selected on each screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursors {
    pub check_in: usize,
    pub report: usize,
    pub prep: usize,
    pub hot: usize,
    pub wrap: usize,
}

/// State that only the screen cares about.
#[derive(Debug, Clone)]
pub struct Ui {
    pub overlay: Overlay,
    pub cursors: Cursors,
    pub status: Option<StatusLine>,
    /// A persistent banner (e.g. member files that could not be read).
    pub banner: Option<String>,
    /// Colours on (off when NO_COLOR is set).
    pub color: bool,
    /// The privacy blank: the shared screen shows nothing until it is lifted.
    pub blank: bool,
    /// The last save failed; the meeting is kept in memory.
    pub unsaved: bool,
    /// A save is under way: the status line says so instead of confirming.
    pub saving: bool,
    /// Opened read-only (another facilitator holds the group).
    pub read_only: bool,
    /// Who holds the group, when read-only: said when a change is refused.
    pub held_by: Option<String>,
    /// How sharing the folder stands, when it is shared (the header says it).
    pub sync: Option<crate::sync::SyncStatus>,
    /// The wall clock fills the screen in the hot seats (`f`).
    pub wall: bool,
    /// The terminal's size as the loop last said (`None`: not known, taken to fit).
    pub size: Option<(u16, u16)>,
    /// The wrap-up's checkpoint or term review, when open (issue 11).
    pub term: Option<super::term::View>,
    /// How far the hot seat's goals, questions and walk-away are scrolled (`PgDn`), and
    /// for whose turn: another turn starts at the top.
    pub prep_scroll: Option<(String, u16)>,
}

impl Default for Ui {
    fn default() -> Self {
        Ui {
            overlay: Overlay::None,
            cursors: Cursors::default(),
            status: None,
            banner: None,
            color: true,
            blank: false,
            unsaved: false,
            saving: false,
            read_only: false,
            held_by: None,
            sync: None,
            wall: false,
            size: None,
            term: None,
            prep_scroll: None,
        }
    }
}

/// The whole application.
#[derive(Debug, Clone)]
pub struct App {
    pub ctx: Context,
    /// The meeting on screen; `None` shows the home screen.
    pub meeting: Option<Meeting>,
    pub ui: Ui,
    /// The group's hot-seat history as the prep review needs it; `None` until read (after
    /// the first frame).
    pub seats: Option<crate::model::rotation::Seats>,
}

impl App {
    /// Open on the home screen (or straight into the open meeting when `resume`).
    pub fn new(ctx: Context) -> App {
        // Progress files read on a thread report later, on screen; those read already count now.
        let mut warnings = ctx.warnings.clone();
        warnings.extend(ctx.late_warnings().iter().cloned());
        let banner = if warnings.is_empty() { None } else { Some(crate::tui::strings::unreadable_banner(&warnings)) };
        App { ctx, meeting: None, ui: Ui { banner, ..Ui::default() }, seats: None }
    }

    pub fn in_meeting(&self) -> bool {
        self.meeting.as_ref().is_some_and(|m| m.is_open())
    }

    pub fn set_status(&mut self, kind: StatusKind, text: impl Into<String>) {
        self.ui.status = Some(StatusLine { kind, text: text.into() });
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.set_status(StatusKind::Info, text);
    }

    /// Add `line` to the standing banner, after what it already says.
    pub fn add_banner(&mut self, line: String) {
        self.ui.banner = Some(match self.ui.banner.take() {
            Some(b) => format!("{b} · {line}"),
            None => line,
        });
    }

    /// A change refused because this session only follows: say who holds the group.
    pub fn refuse_read_only(&mut self) {
        let why = match &self.ui.held_by {
            Some(who) => super::strings::refused_read_only(who),
            None => super::strings::READ_ONLY.to_string(),
        };
        self.set_status(StatusKind::Warning, why);
    }

    pub fn is_editing(&self) -> bool {
        matches!(self.ui.overlay, Overlay::StepForm(_) | Overlay::Note(_) | Overlay::Line(_))
    }
}

//! When a file the facilitator writes was changed elsewhere (a sync brought another
//! copy), hotseat merges instead of overwriting: everything of ours is kept and whatever
//! only the other copy holds is added.

use super::group::Group;
use super::meeting::Meeting;

/// Merge `theirs` into `mine`. Returns how many things were taken from theirs.
pub fn merge_meeting(mine: &mut Meeting, theirs: &Meeting) -> usize {
    let mut taken = 0;
    for s in &theirs.steps {
        match mine.steps.iter().find(|m| m.id == s.id) {
            None => {
                mine.steps.push(s.clone());
                taken += 1;
            }
            Some(m) if m.owner == s.owner && m.text == s.text => {}
            Some(_) => {
                // The same id was given to two different steps: keep both.
                let mut s = s.clone();
                s.id = mine.next_step_id();
                mine.steps.push(s);
                taken += 1;
            }
        }
    }
    for r in &theirs.reviews {
        match mine.reviews.iter_mut().find(|m| m.step == r.step) {
            None => {
                mine.reviews.push(r.clone());
                taken += 1;
            }
            Some(m) if r.at > m.at => {
                *m = r.clone();
                taken += 1;
            }
            Some(_) => {}
        }
    }
    for n in &theirs.private_notes {
        match mine.private_notes.iter_mut().find(|m| m.member == n.member && m.author == n.author) {
            None => {
                mine.private_notes.push(n.clone());
                taken += 1;
            }
            Some(m) if !m.text.contains(&n.text) => {
                m.text = format!("{}\n{}", m.text, n.text);
                m.updated_at = m.updated_at.max(n.updated_at);
                taken += 1;
            }
            Some(_) => {}
        }
    }
    for r in &theirs.ratings {
        if mine.rating(&r.member).is_none() {
            mine.ratings.push(r.clone());
            taken += 1;
        }
    }
    taken
}

/// The group file changed elsewhere: take theirs, keeping the next meeting date we set.
pub fn merge_group(mine: &Group, theirs: &Group) -> Group {
    let mut g = theirs.clone();
    if mine.next_meeting.is_some() {
        g.next_meeting = mine.next_meeting;
    }
    g
}

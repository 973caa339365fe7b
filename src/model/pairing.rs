//! Choosing a Hot Team partner: the practice asks for partners from other departments and
//! outside one's reporting line (for confidentiality), so two members are "close at work"
//! when they share a department, or one reports to the other (directly or up the chain),
//! or they report to the same manager. A manager shared only further up the chain (a
//! common director, the CEO) does not count: in most organisations everyone shares one.
//! Also: who offers a skill, other departments first.

use serde::Serialize;

use super::{Group, Member};

/// What two members share at work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Closeness {
    /// Both are in this department (as the first of them spells it).
    SameDepartment(String),
    /// The partner reports to the asking member, `levels` up (1: directly).
    ReportsToMe { levels: usize },
    /// The asking member reports to the partner, `levels` up (1: directly).
    IReportTo { levels: usize },
    /// Both report directly to this member id.
    SameManager(String),
}

/// The members `id` reports to, nearest first (stops at a loop or an unknown id).
fn chain<'a>(group: &'a Group, id: &str) -> Vec<&'a str> {
    let mut up: Vec<&str> = Vec::new();
    let mut at = group.member(id);
    while let Some(boss) = at.and_then(|m| m.reports_to.as_deref()) {
        if boss == id || up.contains(&boss) {
            break;
        }
        up.push(boss);
        at = group.member(boss);
    }
    up
}

fn department(m: &Member) -> Option<&str> {
    let d = m.department.trim();
    (!d.is_empty()).then_some(d)
}

/// Everything `me` and `partner` share at work, reporting line first; empty when they
/// are good Hot Team partners (or either is not a member of the group).
pub fn closeness(group: &Group, me: &str, partner: &str) -> Vec<Closeness> {
    let (Some(a), Some(b)) = (group.member(me), group.member(partner)) else { return Vec::new() };
    if a.id == b.id {
        return Vec::new();
    }
    let mut out = Vec::new();
    if let Some(i) = chain(group, &b.id).iter().position(|x| *x == a.id) {
        out.push(Closeness::ReportsToMe { levels: i + 1 });
    } else if let Some(i) = chain(group, &a.id).iter().position(|x| *x == b.id) {
        out.push(Closeness::IReportTo { levels: i + 1 });
    } else if let (Some(x), Some(y)) = (&a.reports_to, &b.reports_to)
        && x == y
    {
        out.push(Closeness::SameManager(x.clone()));
    }
    if let (Some(x), Some(y)) = (department(a), department(b))
        && x.to_lowercase() == y.to_lowercase()
    {
        out.push(Closeness::SameDepartment(x.to_string()));
    }
    out
}

/// The skills a member offers: those the facilitator keeps in `group.json`, then those the
/// member added in their own `partners.json` (the same skill once, case aside).
pub fn offers_of(member: &Member, own: &[String]) -> Vec<String> {
    let mut skills = member.offers.clone();
    for s in own {
        if !skills.iter().any(|x| x.eq_ignore_ascii_case(s)) {
            skills.push(s.clone());
        }
    }
    skills
}

/// One member who offers the skill asked for (`hotseat partners suggest`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    /// The member id.
    pub member: String,
    pub name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub department: String,
    /// Every skill the member offers.
    pub offers: Vec<String>,
    /// In the asking member's department (false when no member asks).
    pub same_department: bool,
    /// In the asking member's reporting line (false when no member asks).
    pub same_line: bool,
}

/// The members who offer `skill` (case aside), in group order, those from other
/// departments and reporting lines than `asking` first. `offers` holds each member's
/// own offers (member id, skills) from their `partners.json`. The asking member is left out.
pub fn suggest(group: &Group, offers: &[(String, Vec<String>)], skill: &str, asking: Option<&str>) -> Vec<Suggestion> {
    let wanted = skill.trim().to_lowercase();
    let mut out: Vec<Suggestion> = group
        .members
        .iter()
        .filter(|m| Some(m.id.as_str()) != asking)
        .filter_map(|m| {
            let own = offers.iter().find(|(id, _)| *id == m.id).map(|(_, s)| s.as_slice()).unwrap_or(&[]);
            let skills = offers_of(m, own);
            skills.iter().any(|s| s.trim().to_lowercase() == wanted).then(|| {
                let close = asking.map(|me| closeness(group, me, &m.id)).unwrap_or_default();
                Suggestion {
                    member: m.id.clone(),
                    name: m.name.clone(),
                    department: m.department.clone(),
                    offers: skills,
                    same_department: close.iter().any(|c| matches!(c, Closeness::SameDepartment(_))),
                    same_line: close.iter().any(|c| !matches!(c, Closeness::SameDepartment(_))),
                }
            })
        })
        .collect();
    // A stable sort keeps the group's order within each part.
    out.sort_by_key(|s| s.same_department || s.same_line);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(id: &str, dept: &str, boss: Option<&str>, offers: &[&str]) -> Member {
        Member {
            id: id.into(),
            name: id.to_uppercase(),
            role: String::new(),
            department: dept.into(),
            offers: offers.iter().map(|s| s.to_string()).collect(),
            reports_to: boss.map(str::to_string),
        }
    }

    fn group() -> Group {
        let mut g = Group::new("G");
        g.members = vec![
            member("ceo", "Executive", None, &[]),
            member("vp", "Sales", Some("ceo"), &["Negotiation"]),
            member("rep", "sales ", Some("vp"), &[]),
            member("cto", "Engineering", Some("ceo"), &["hiring"]),
            member("dev", "Engineering", Some("cto"), &[]),
            member("ops", "Operations", None, &["negotiation"]),
        ];
        g
    }

    #[test]
    fn departments_and_reporting_lines_make_members_close() {
        let g = group();
        assert_eq!(
            closeness(&g, "vp", "rep"),
            vec![Closeness::ReportsToMe { levels: 1 }, Closeness::SameDepartment("Sales".into())]
        );
        assert_eq!(closeness(&g, "rep", "ceo"), vec![Closeness::IReportTo { levels: 2 }]);
        assert_eq!(closeness(&g, "vp", "cto"), vec![Closeness::SameManager("ceo".into())]);
        // A manager shared two levels up does not count.
        assert_eq!(closeness(&g, "rep", "dev"), vec![]);
        assert_eq!(closeness(&g, "ops", "dev"), vec![]);
        assert_eq!(closeness(&g, "ops", "nobody"), vec![]);
    }

    #[test]
    fn a_reporting_loop_ends() {
        let mut g = group();
        g.members[0].reports_to = Some("rep".into());
        assert_eq!(closeness(&g, "ops", "ceo"), vec![]);
        assert!(!closeness(&g, "rep", "ceo").is_empty());
    }

    #[test]
    fn suggestions_put_other_departments_first_and_match_case_aside() {
        let g = group();
        let own = vec![("rep".to_string(), vec!["NEGOTIATION".to_string()])];
        let ids = |v: Vec<Suggestion>| v.into_iter().map(|s| s.member).collect::<Vec<_>>();
        assert_eq!(ids(suggest(&g, &own, "negotiation", Some("rep"))), vec!["ops", "vp"]);
        assert_eq!(ids(suggest(&g, &own, " Negotiation", None)), vec!["vp", "rep", "ops"]);
        assert_eq!(ids(suggest(&g, &own, "hiring", Some("dev"))), vec!["cto"]);
        assert!(suggest(&g, &own, "juggling", None).is_empty());
    }
}

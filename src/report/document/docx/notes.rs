//! A note's Markdown as the Word file's paragraphs and tables: the same parser (pulldown-cmark)
//! and the same options as the site's notes. Raw HTML is left out (the site shows only what its
//! sanitizer keeps); links keep their text; a picture shows its description; tables become tables
//! (a column aligned right is a column of numbers).

use pulldown_cmark::{Alignment, Event, Options, Parser, Tag, TagEnd};

use crate::report::document::{Column, Row, Run, Table};

/// A paragraph (its style, the depth of the list it is in) or a table.
#[derive(Debug)]
pub enum Part {
    Para { style: &'static str, depth: usize, runs: Vec<Run> },
    Table(Table),
}

#[derive(Default)]
struct State {
    bold: u32,
    italic: u32,
    /// Open lists: `Some(next number)` for a numbered one.
    lists: Vec<Option<u64>>,
    quote: u32,
    /// A paragraph is open in the writer.
    open: bool,
    /// The prefix the next paragraph of a list item starts with (`- `, `2. `).
    prefix: Option<String>,
    heading: bool,
    /// A table being read: its columns' alignments and rows of cells, the cell being read.
    table: Option<(Vec<Alignment>, Vec<Vec<String>>)>,
    cell: Option<String>,
    parts: Vec<Part>,
}

impl State {
    fn style(&self) -> &'static str {
        if self.heading {
            "NoteTitle"
        } else if !self.lists.is_empty() {
            "ListLine"
        } else if self.quote > 0 {
            "Quote"
        } else {
            "Normal"
        }
    }
}

fn ensure_open(s: &mut State) {
    if !s.open {
        let style = s.style();
        let mut runs = Vec::new();
        if let Some(p) = s.prefix.take() {
            runs.push(Run::plain(p));
        }
        s.parts.push(Part::Para { style, depth: s.lists.len(), runs });
        s.open = true;
    }
}

fn close(s: &mut State) {
    s.open = false;
}

fn text(s: &mut State, t: &str) {
    if let Some(cell) = &mut s.cell {
        cell.push_str(t);
        return;
    }
    ensure_open(s);
    let (bold, italic) = (s.bold > 0 || s.heading, s.italic > 0);
    if let Some(Part::Para { runs, .. }) = s.parts.last_mut() {
        runs.push(Run { text: t.to_string(), bold, italic });
    }
}

/// The note's paragraphs and tables, in order.
pub fn parts(md: &str) -> Vec<Part> {
    let mut s = State::default();
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(md, options) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => close(&mut s),
                Tag::Heading { .. } => {
                    close(&mut s);
                    s.heading = true;
                }
                Tag::BlockQuote(_) => {
                    close(&mut s);
                    s.quote += 1;
                }
                Tag::List(start) => {
                    close(&mut s);
                    s.lists.push(start);
                }
                Tag::Item => {
                    close(&mut s);
                    let prefix = match s.lists.last_mut() {
                        Some(Some(n)) => {
                            let p = format!("{n}. ");
                            *n += 1;
                            p
                        }
                        _ => "- ".to_string(),
                    };
                    s.prefix = Some(prefix);
                }
                Tag::Emphasis => s.italic += 1,
                Tag::Strong => s.bold += 1,
                Tag::CodeBlock(_) => close(&mut s),
                Tag::Table(alignments) => {
                    close(&mut s);
                    s.table = Some((alignments, Vec::new()));
                }
                Tag::TableHead | Tag::TableRow => {
                    if let Some((_, rows)) = &mut s.table {
                        rows.push(Vec::new());
                    }
                }
                Tag::TableCell => s.cell = Some(String::new()),
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph | TagEnd::CodeBlock => close(&mut s),
                TagEnd::Heading(_) => {
                    close(&mut s);
                    s.heading = false;
                }
                TagEnd::BlockQuote(_) => {
                    close(&mut s);
                    s.quote = s.quote.saturating_sub(1);
                }
                TagEnd::List(_) => {
                    close(&mut s);
                    s.lists.pop();
                }
                TagEnd::Item => close(&mut s),
                TagEnd::Emphasis => s.italic = s.italic.saturating_sub(1),
                TagEnd::Strong => s.bold = s.bold.saturating_sub(1),
                TagEnd::TableCell => {
                    if let (Some(cell), Some((_, rows))) = (s.cell.take(), &mut s.table)
                        && let Some(row) = rows.last_mut()
                    {
                        row.push(cell.trim().to_string());
                    }
                }
                TagEnd::Table => {
                    if let Some((alignments, mut rows)) = s.table.take()
                        && !rows.is_empty()
                    {
                        let head = rows.remove(0);
                        let columns = head
                            .into_iter()
                            .enumerate()
                            .map(|(i, h)| match alignments.get(i) {
                                Some(Alignment::Right) => Column::num(h, 1),
                                _ => Column::text(h, 1),
                            })
                            .collect();
                        let rows = rows.into_iter().map(Row::Cells).collect();
                        s.parts.push(Part::Table(Table { columns, rows, ..Table::default() }));
                    }
                }
                _ => {}
            },
            Event::Text(t) | Event::Code(t) => text(&mut s, &t),
            Event::SoftBreak => text(&mut s, " "),
            Event::HardBreak => text(&mut s, "\n"),
            Event::Html(_) | Event::InlineHtml(_) | Event::Rule => {}
            _ => {}
        }
    }
    s.parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_styled_paragraphs_and_tables() {
        let parts = parts(
            "# Tiêu đề\n\nCó **đậm**.\n\n1. một\n2. hai\n   - con\n\n> trích\n\n| Đơn vị | Số |\n|---|--:|\n| A | 1 |\n",
        );
        let paras: Vec<(&str, usize, String)> = parts
            .iter()
            .filter_map(|p| match p {
                Part::Para { style, depth, runs } => {
                    Some((*style, *depth, runs.iter().map(|r| r.text.as_str()).collect()))
                }
                Part::Table(_) => None,
            })
            .collect();
        assert_eq!(
            paras,
            [
                ("NoteTitle", 0, "Tiêu đề".to_string()),
                ("Normal", 0, "Có đậm.".to_string()),
                ("ListLine", 1, "1. một".to_string()),
                ("ListLine", 1, "2. hai".to_string()),
                ("ListLine", 2, "- con".to_string()),
                ("Quote", 0, "trích".to_string()),
            ]
        );
        let Some(Part::Table(t)) = parts.last() else { panic!("no table") };
        assert!(!t.columns[0].num && t.columns[1].num, "a right-aligned column holds numbers");
        assert!(matches!(&t.rows[0], Row::Cells(c) if c == &["A", "1"]));
    }
}

//! A chart's SVG as a PNG picture (the Word file's charts), drawn in-process by resvg with the
//! theme's fonts only: no system font is ever looked up, so every machine draws the same pixels.

use resvg::{tiny_skia, usvg};

/// The fonts to draw with (the theme's TrueType files); the first one stands for every generic
/// family the charts name (`sans-serif`, `serif`).
pub struct Fonts {
    options: usvg::Options<'static>,
}

impl Fonts {
    pub fn new(files: &[&[u8]]) -> Fonts {
        let mut options = usvg::Options::default();
        let db = options.fontdb_mut();
        for f in files {
            db.load_font_data(f.to_vec());
        }
        let first = db.faces().next().and_then(|f| f.families.first()).map(|(name, _)| name.clone());
        if let Some(family) = first {
            db.set_sans_serif_family(family.clone());
            db.set_serif_family(family.clone());
            db.set_monospace_family(family);
        }
        Fonts { options }
    }
}

/// A PNG of the picture.
pub struct Png {
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// Draws `svg` `width` pixels wide (its height in proportion to its viewBox).
pub fn render(svg: &str, width: u32, fonts: &Fonts) -> Result<Png, String> {
    let tree = usvg::Tree::from_str(svg, &fonts.options).map_err(|e| e.to_string())?;
    let size = tree.size();
    if size.width() <= 0.0 || size.height() <= 0.0 {
        return Err(crate::msg!("chart-no-size"));
    }
    let scale = width as f32 / size.width();
    let height = (size.height() * scale).ceil().max(1.0) as u32;
    let mut pixmap = tiny_skia::Pixmap::new(width, height).ok_or_else(|| crate::msg!("chart-too-large"))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    let bytes = pixmap.encode_png().map_err(|e| e.to_string())?;
    Ok(Png { bytes, width, height })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serif() -> Vec<u8> {
        std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/themes/default/static/fonts/LiberationSerif-Regular.ttf"))
            .unwrap()
    }

    #[test]
    fn a_chart_is_drawn_with_the_given_font_only() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100" width="200" height="100">
            <rect x="10" y="10" width="50" height="80" fill="#1f5fa8"/>
            <text x="100" y="60" font-family="sans-serif" font-size="30">Đạt</text></svg>"##;
        let font = serif();
        let png = render(svg, 400, &Fonts::new(&[&font])).unwrap();
        assert_eq!((png.width, png.height), (400, 200));
        assert!(png.bytes.starts_with(b"\x89PNG"));
        // Without a font the text is not drawn: the picture differs, so the text came from the font.
        let bare = render(svg, 400, &Fonts::new(&[])).unwrap();
        assert_ne!(png.bytes, bare.bytes, "the text was drawn with the theme's font");
        // The same input draws the same bytes.
        assert_eq!(render(svg, 400, &Fonts::new(&[&font])).unwrap().bytes, png.bytes);
    }
}

use super::*;

fn sample() -> (Vec<MapRegion>, Vec<MapMark>) {
    (
        vec![MapRegion {
            code: 28,
            name: "兵庫県 <1>".into(),
            url: "/ja/regions/hyogo/".into(),
        }],
        vec![
            MapMark {
                lat: 34.69,
                lon: 135.20,
                label: "神戸市".into(),
            },
            MapMark {
                lat: 26.21,
                lon: 127.68,
                label: "那覇市".into(),
            },
        ],
    )
}

fn input<'a>(regions: &'a [MapRegion], marks: &'a [MapMark]) -> MapInput<'a> {
    MapInput {
        regions,
        marks,
        label: "日本地図",
        described_by: "map-desc",
        lang: "ja",
    }
}

#[test]
fn shades_and_links_the_prefectures_with_cases() {
    let (regions, marks) = sample();
    let svg = draw(&input(&regions, &marks), Layout::Wide);
    assert_eq!(svg.matches("<a href=").count(), 1);
    assert!(svg.contains(
        "<a href=\"/ja/regions/hyogo/\" class=\"map-region\"><title>兵庫県 &lt;1&gt;</title>"
    ));
    assert_eq!(
        svg.matches("<path").count(),
        47,
        "every prefecture is drawn once"
    );
    assert!(svg.contains(">神戸市</text>") && svg.contains(">那覇市</text>"));
    assert!(svg.contains("aria-describedby=\"map-desc\""));
}

#[test]
fn is_well_formed_xml() {
    let (regions, marks) = sample();
    for layout in [Layout::Wide, Layout::Narrow] {
        let svg = draw(&input(&regions, &marks), layout);
        let doc = roxmltree::Document::parse(&svg);
        assert!(doc.is_ok(), "{doc:?}");
    }
}

#[test]
fn naha_is_drawn_inside_the_okinawa_box() {
    let (regions, marks) = sample();
    let svg = draw(&input(&regions, &marks), Layout::Wide);
    let (x, y, w, h) = outline::japan().inset.frame;
    let circles: Vec<(f64, f64)> = svg
        .split("<circle cx=\"")
        .skip(1)
        .map(|s| {
            let mut nums = s.split('"');
            let cx: f64 = nums.next().unwrap().parse().unwrap();
            let cy: f64 = nums.nth(1).unwrap().parse().unwrap();
            (cx, cy)
        })
        .collect();
    assert!(
        circles
            .iter()
            .any(|(cx, cy)| *cx > x && *cx < x + w && *cy > y && *cy < y + h),
        "{circles:?} not in the box {:?}",
        (x, y, w, h)
    );
}

#[test]
fn numbers_are_short() {
    assert_eq!(r1(3.0), "3");
    assert_eq!(r1(2.54), "2.5");
    assert_eq!(r1(-0.04), "0");
}

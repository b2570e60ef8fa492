package org.waterchain.app.map.basemap;

import java.util.List;

/**
 * The towns of the Taoyuan irrigation district (the demo's area) and the cities around it, at their district
 * centres, written for this project from public knowledge of the map: a few hundred metres off at most, the
 * precision of a label. Each shows from the zoom where it no longer crowds its neighbours.
 */
public final class TaoyuanPlaces {
    public static final List<Place> ALL = List.of(
            new Place("Taipei", 121.5654, 25.0330, 7),
            new Place("Hsinchu", 120.9686, 24.8039, 7),
            new Place("Taoyuan", 121.3010, 24.9937, 8),
            new Place("Keelung", 121.7419, 25.1283, 8),
            new Place("Zhongli", 121.2244, 24.9654, 10),
            new Place("Banqiao", 121.4586, 25.0117, 10),
            new Place("Dayuan", 121.1963, 25.0633, 11),
            new Place("Luzhu", 121.2920, 25.0450, 11),
            new Place("Guanyin", 121.0825, 25.0358, 11),
            new Place("Xinwu", 121.1058, 24.9722, 11),
            new Place("Yangmei", 121.1459, 24.9077, 11),
            new Place("Pingzhen", 121.2183, 24.9457, 11),
            new Place("Bade", 121.2846, 24.9286, 11),
            new Place("Guishan", 121.3381, 24.9925, 11),
            new Place("Daxi", 121.2872, 24.8806, 11),
            new Place("Longtan", 121.2163, 24.8636, 11));

    private TaoyuanPlaces() {}
}

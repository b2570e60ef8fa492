package org.waterchain.app.explorer;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.waterchain.app.session.Session;
import org.waterchain.app.shell.Screen;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.store.StoredEntry;

/**
 * The ledger explorer: both chains' blocks page by page, a block's entries decoded, search by station, device,
 * address, id or height, an entry's inclusion proof checked step by step, and the full audit. Every read runs
 * on the explorer's own threads ({@link Background}); this class only lays out and routes, on the FX thread.
 */
public final class ExplorerScreen implements Screen {
    static final int PAGE = 50;

    private final Session session;
    private final Formats formats = new Formats(ZoneId.systemDefault());
    private final LedgerBrowser browser;
    private final Background background = new Background("explorer-read", 2);
    private final Map<ChainId, BlockPager> pagers = new EnumMap<>(ChainId.class);
    private final Map<ChainId, Long> tipsSeen = new EnumMap<>(ChainId.class);
    private LedgerNames names = LedgerNames.NONE;
    private ChainId chain = ChainId.DATA;
    /** The block whose entries are listed, if a block (not a search) is listed. */
    private SearchResult.BlockRef openBlock;
    private boolean selectingBlock;

    private final TabPane root = new TabPane();
    private final ToggleGroup chains = new ToggleGroup();
    private final ToggleButton dataChain = new ToggleButton("Data chain");
    private final ToggleButton valueChain = new ToggleButton("Value chain");
    private final TextField searchField = new TextField();
    private final ChoiceBox<TimeRange> range = new ChoiceBox<>();
    private final Button search = new Button("Search");
    private final ProgressBar busy = new ProgressBar();
    private final Button cancelSearch = new Button("Cancel");
    private final Label status = new Label();

    private final TableView<BlockRow> blocks = new TableView<>();
    private final Label pageLabel = new Label();
    private final Button newest = new Button("Newest");
    private final Button newer = new Button("Newer");
    private final Button older = new Button("Older");

    private final Label entriesTitle = new Label("Select a block, or search.");
    private final FieldGrid facts = new FieldGrid("explorer-facts");
    private final TableView<EntryRow> entries = new TableView<>();

    private final FieldGrid detail = new FieldGrid("explorer-entry");
    private final Button verify = new Button("Verify this record");
    private final Button showBlock = new Button("Show its block");
    private final Label proofVerdict = new Label("Select an entry and press Verify to check that it is in its block.");
    private final FieldGrid proofRows = new FieldGrid("explorer-proof-rows");
    private final AuditPane audit;
    private final Timeline poll;

    public ExplorerScreen(Session session) {
        this.session = session;
        this.browser = new LedgerBrowser(session.node().queries(), formats);
        for (ChainId c : ChainId.values()) {
            pagers.put(c, new BlockPager(c, PAGE));
        }
        this.audit = new AuditPane(() -> session.directory().existingDatabase(), this::showBlock);

        root.setId("explorer");
        root.getStylesheets().add(ExplorerScreen.class.getResource("explorer.css").toExternalForm());
        root.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab browse = new Tab("Blocks and search", browseView());
        Tab auditTab = new Tab("Audit", audit.root);
        root.getTabs().setAll(browse, auditTab);

        poll = new Timeline(new KeyFrame(Duration.seconds(2), e -> poll()));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
        loadNames();
        poll();
    }

    // ---- layout ----

    private Node browseView() {
        dataChain.setId("explorer-chain-data");
        valueChain.setId("explorer-chain-value");
        dataChain.setToggleGroup(chains);
        valueChain.setToggleGroup(chains);
        dataChain.setSelected(true);
        chains.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one chain is always shown
            } else {
                switchChain(now == dataChain ? ChainId.DATA : ChainId.VALUE);
            }
        });
        HBox chainBox = new HBox(0, dataChain, valueChain);
        chainBox.getStyleClass().add("segmented");

        searchField.setId("explorer-search-field");
        searchField.setPromptText(SearchQuery.HINT);
        searchField.setPrefColumnCount(46);
        searchField.setOnAction(e -> search());
        range.setId("explorer-range");
        range.getItems().setAll(TimeRange.values());
        range.setValue(TimeRange.DAY);
        range.setTooltip(new javafx.scene.control.Tooltip("How far back a station or device search looks"));
        search.setId("explorer-search");
        search.setOnAction(e -> search());
        busy.setId("explorer-busy");
        busy.setPrefWidth(120);
        busy.setVisible(false);
        cancelSearch.setId("explorer-cancel");
        cancelSearch.setVisible(false);
        cancelSearch.setOnAction(e -> {
            background.cancel("entries");
            status.setText("Cancelled.");
        });
        status.setId("explorer-status");
        status.getStyleClass().add("explorer-status");
        HBox toolbar = new HBox(8, chainBox, spacer(12), searchField, range, search, busy, cancelSearch, status);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(8, 10, 8, 10));
        toolbar.getStyleClass().add("explorer-toolbar");

        SplitPane top = new SplitPane(blockList(), entryList());
        top.setDividerPositions(0.42);
        SplitPane bottom = new SplitPane(detailView(), proofView());
        bottom.setDividerPositions(0.42);
        SplitPane all = new SplitPane(top, bottom);
        all.setOrientation(Orientation.VERTICAL);
        all.setDividerPositions(0.45);
        BorderPane pane = new BorderPane(all);
        pane.setTop(toolbar);
        return pane;
    }

    private Node blockList() {
        blocks.setId("explorer-blocks");
        blocks.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        blocks.setPlaceholder(new Label("No blocks."));
        blocks.getColumns().setAll(List.of(
                column("Height", 52, r -> Long.toString(r.height())),
                column("Time", 140, r -> formats.time(r.timeMs())),
                column("Entries", 54, r -> Integer.toString(r.entries())),
                column("Invalid", 54, r -> r.invalid() == 0 ? "" : Integer.toString(r.invalid())),
                column("Proposer", 96, BlockRow::proposer),
                column("Hash", 90, r -> Formats.shortHex(r.hash()))));
        for (int i : new int[] {0, 2, 3}) {
            blocks.getColumns().get(i).setMinWidth(blocks.getColumns().get(i).getPrefWidth()); // numbers are never cut
        }
        blocks.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(BlockRow item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("has-invalid"), !empty && item != null && item.invalid() > 0);
            }
        });
        blocks.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && !selectingBlock) {
                pagers.get(now.chain()).hold();
                updatePager();
                listBlock(now.chain(), now.height());
            }
        });
        newest.setId("explorer-newest");
        newer.setId("explorer-newer");
        older.setId("explorer-older");
        newest.setOnAction(e -> page(BlockPager::newest));
        newer.setOnAction(e -> page(BlockPager::newer));
        older.setOnAction(e -> page(BlockPager::older));
        pageLabel.setId("explorer-page");
        pageLabel.getStyleClass().add("muted");
        HBox pager = new HBox(6, newest, newer, older, pageLabel);
        pager.setAlignment(Pos.CENTER_LEFT);
        pager.setPadding(new Insets(6, 8, 6, 8));
        VBox box = new VBox(pager, blocks);
        VBox.setVgrow(blocks, Priority.ALWAYS);
        return box;
    }

    private Node entryList() {
        entries.setId("explorer-entries");
        entries.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        entries.setPlaceholder(new Label("No entries."));
        entries.getColumns().setAll(List.of(
                column("Entry", 100, EntryRow::place),
                column("Kind", 70, EntryRow::kind),
                column("Content", 480, EntryRow::summary),
                column("Verdict", 170, EntryRow::verdict)));
        entries.getColumns().get(0).setMinWidth(112); // "data #123456/78"
        entries.getColumns().get(1).setMinWidth(80);
        entries.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(EntryRow item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), !empty && item != null && !item.valid());
            }
        });
        entries.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> showEntry(now));
        entriesTitle.setId("explorer-entries-title");
        entriesTitle.getStyleClass().add("explorer-title");
        entriesTitle.setWrapText(true);
        entriesTitle.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(2, entriesTitle, facts.grid, entries);
        box.setPadding(new Insets(6, 0, 0, 0));
        VBox.setMargin(entriesTitle, new Insets(0, 8, 0, 8));
        VBox.setVgrow(entries, Priority.ALWAYS);
        return box;
    }

    private Node detailView() {
        verify.setId("explorer-verify");
        verify.setDisable(true);
        verify.setOnAction(e -> verifySelected());
        showBlock.setId("explorer-open-block");
        showBlock.setDisable(true);
        showBlock.setOnAction(e -> {
            EntryRow r = entries.getSelectionModel().getSelectedItem();
            if (r != null) {
                showBlock(r.entry().chain(), r.entry().height());
            }
        });
        Label title = new Label("Entry");
        title.getStyleClass().add("explorer-title");
        HBox head = new HBox(8, title, spacer(0), showBlock, verify);
        HBox.setHgrow(head.getChildren().get(1), Priority.ALWAYS);
        head.setAlignment(Pos.CENTER_LEFT);
        head.setPadding(new Insets(6, 8, 2, 8));
        ScrollPane scroll = new ScrollPane(detail.grid);
        scroll.setFitToWidth(true);
        VBox box = new VBox(head, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        return box;
    }

    private Node proofView() {
        Label title = new Label("Inclusion proof");
        title.getStyleClass().add("explorer-title");
        proofVerdict.setId("explorer-proof-verdict");
        proofVerdict.getStyleClass().add("explorer-verdict");
        proofVerdict.setWrapText(true);
        proofVerdict.setMaxWidth(Double.MAX_VALUE);
        proofVerdict.setMinHeight(Region.USE_PREF_SIZE);
        ScrollPane scroll = new ScrollPane(proofRows.grid);
        scroll.setFitToWidth(true);
        VBox box = new VBox(4, title, proofVerdict, scroll);
        box.setId("explorer-proof");
        box.setPadding(new Insets(6, 8, 0, 8));
        VBox.setVgrow(scroll, Priority.ALWAYS);
        return box;
    }

    private static <R> TableColumn<R, String> column(String name, double width, Function<R, String> value) {
        TableColumn<R, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                // the whole text on hover, for what the column cuts
                setTooltip(empty || item == null || item.length() < 16 ? null : new Tooltip(item));
            }
        });
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private static Region spacer(double width) {
        Region r = new Region();
        r.setMinWidth(width);
        return r;
    }

    // ---- blocks ----

    private void poll() {
        if (root.getScene() == null && tipsSeen.size() == ChainId.values().length) {
            return; // not on screen: nothing to refresh (the first poll runs to fill the list)
        }
        for (ChainId c : ChainId.values()) {
            long tip = session.node().tip(c).height();
            boolean moved = pagers.get(c).tip(tip);
            if (c == chain && (moved || blocks.getItems().isEmpty() && tip >= 0)) {
                loadBlocks();
            }
            Long seen = tipsSeen.put(c, tip);
            if (c == ChainId.VALUE && seen != null && seen != tip) {
                loadNames(); // a registry change may name new devices, stations or members
            }
        }
        updatePager();
    }

    private void loadNames() {
        background.run("names", w -> browser.names(), n -> {
            names = n;
            loadBlocks(); // proposers by name
        }, this::failed);
    }

    private void switchChain(ChainId c) {
        chain = c;
        pagers.get(c).tip(session.node().tip(c).height());
        blocks.getItems().clear();
        loadBlocks();
    }

    private void page(java.util.function.Consumer<BlockPager> move) {
        move.accept(pagers.get(chain));
        loadBlocks();
    }

    private void loadBlocks() {
        BlockPager p = pagers.get(chain);
        updatePager();
        if (p.top() < 0) {
            blocks.getItems().clear();
            return;
        }
        ChainId c = chain;
        long from = p.bottom();
        long to = p.top();
        LedgerNames n = names;
        background.run("blocks", w -> browser.blocks(c, from, to, n), rows -> {
            if (c != chain) {
                return;
            }
            selectingBlock = true;
            try {
                BlockRow selected = blocks.getSelectionModel().getSelectedItem();
                blocks.getItems().setAll(rows);
                long keep = openBlock != null && openBlock.chain() == c ? openBlock.height() : selected == null ? -1 : selected.height();
                rows.stream().filter(r -> r.height() == keep).findFirst().ifPresent(r -> {
                    blocks.getSelectionModel().select(r);
                    if (keep != (selected == null ? -1 : selected.height())) {
                        blocks.scrollTo(Math.max(0, blocks.getSelectionModel().getSelectedIndex() - 3));
                    }
                });
            } finally {
                selectingBlock = false;
            }
        }, this::failed);
    }

    private void updatePager() {
        BlockPager p = pagers.get(chain);
        pageLabel.setText(p.label());
        newest.setDisable(p.following());
        newer.setDisable(!p.hasNewer());
        older.setDisable(!p.hasOlder());
    }

    /** Shows a block: its chain, a page with it, selected, and its entries. */
    void showBlock(ChainId c, long height) {
        root.getSelectionModel().select(0);
        if (c != chain) {
            (c == ChainId.DATA ? dataChain : valueChain).setSelected(true);
        }
        BlockPager p = pagers.get(c);
        if (height > p.top() || height < p.bottom()) {
            p.goTo(height);
        } else {
            p.hold();
        }
        listBlock(c, height);
        loadBlocks();
    }

    /** The entries of a block, in the entries table. */
    private void listBlock(ChainId c, long height) {
        openBlock = new SearchResult.BlockRef(c, height);
        LedgerNames n = names;
        Task<Listing> t = background.run("entries", w -> browser.block(c, height, n).map(b -> {
            String title = Formats.block(c, height) + "  ·  " + formats.time(b.header().timeMs()) + "  ·  "
                    + count(b.entries().size(), "entry", "entries") + (b.row().invalid() == 0 ? "" : ", " + b.row().invalid() + " invalid")
                    + "  ·  proposed by " + b.row().proposer();
            return new Listing(title, List.of(Field.mono("Block hash", b.row().hashHex())),
                    new EntryDecoder(formats, n).rows(b.entries()));
        }).orElse(new Listing(Formats.block(c, height) + " is not on this ledger", List.of(), List.of())), this::showListing, this::failed);
        watch(t);
    }

    // ---- search ----

    private void search() {
        SearchQuery q = SearchQuery.parse(searchField.getText(), names.stationNames().keySet(), names.stationOfDevice().keySet(), chain);
        if (q instanceof SearchQuery.Problem p) {
            status.setText(p.message());
            status.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("error"), true);
            return;
        }
        status.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("error"), false);
        status.setText("Searching…");
        TimeRange r = range.getValue();
        long now = session.now();
        LedgerNames n = names;
        Task<Listing> t = background.run("entries", w -> {
            SearchResult result = browser.search(q, r, now, n, w);
            return new Listing(result.title(), result.facts(), new EntryDecoder(formats, n).rows(result.entries()), result.openBlock());
        }, l -> {
            status.setText("");
            if (l.open().isPresent()) {
                showBlock(l.open().get().chain(), l.open().get().height());
            } else {
                openBlock = null;
                selectingBlock = true;
                blocks.getSelectionModel().clearSelection();
                selectingBlock = false;
                showListing(l);
                if (l.rows().size() == 1) {
                    entries.getSelectionModel().select(0);
                }
            }
        }, this::failed);
        watch(t);
    }

    /** What the entries table lists: a block's entries or a search's results. */
    private record Listing(String title, List<Field> facts, List<EntryRow> rows, Optional<SearchResult.BlockRef> open) {
        Listing(String title, List<Field> facts, List<EntryRow> rows) {
            this(title, facts, rows, Optional.empty());
        }
    }

    private void showListing(Listing l) {
        entriesTitle.setText(l.title());
        facts.show(l.facts());
        facts.grid.setManaged(!l.facts().isEmpty());
        entries.getItems().setAll(l.rows());
        entries.scrollTo(0);
    }

    /** The busy bar and Cancel follow the long reads of the entries table. */
    private void watch(Task<?> t) {
        busy.progressProperty().bind(t.progressProperty());
        busy.visibleProperty().bind(t.runningProperty());
        cancelSearch.visibleProperty().bind(t.runningProperty());
    }

    // ---- one entry ----

    private void showEntry(EntryRow row) {
        clearProof();
        verify.setDisable(row == null);
        showBlock.setDisable(row == null || openBlock != null);
        if (row == null) {
            detail.clear();
            return;
        }
        verify.setText(row.entry().chain() == ChainId.DATA ? "Verify this record" : "Verify this transaction");
        LedgerNames n = names;
        StoredEntry e = row.entry();
        background.run("detail", w -> new EntryDecoder(formats, n).details(e), detail::show, this::failed);
    }

    private void verifySelected() {
        EntryRow row = entries.getSelectionModel().getSelectedItem();
        if (row == null) {
            return;
        }
        clearProof();
        proofVerdict.setText("Checking…");
        LedgerNames n = names;
        background.run("proof", w -> browser.prove(row.entry()).map(p -> ProofReport.of(p, n, formats)), report -> {
            if (report.isEmpty()) {
                proofVerdict.setText("FAILED: " + row.place() + " is no longer on this ledger");
                proofVerdict.getStyleClass().add("verdict-failed");
                return;
            }
            ProofReport r = report.get();
            proofVerdict.setText(r.verdict());
            proofVerdict.getStyleClass().add(r.verified() ? "verdict-verified" : "verdict-failed");
            proofRows.show(r.rows());
        }, this::failed);
    }

    private void clearProof() {
        background.cancel("proof");
        proofVerdict.getStyleClass().removeIf(c -> c.startsWith("verdict-"));
        proofVerdict.setText("Press Verify to check that the selected entry is in its block.");
        proofRows.clear();
    }

    private void failed(Throwable t) {
        status.setText("Could not read the ledger: " + (t.getMessage() == null ? t.toString() : t.getMessage()));
        status.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("error"), true);
    }

    private static String count(int n, String one, String many) {
        return Formats.count(n) + " " + (n == 1 ? one : many);
    }

    // ---- Screen ----

    @Override
    public String id() {
        return "explorer";
    }

    @Override
    public String title() {
        return "Ledger";
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void shown() {
        loadNames();
        poll();
    }

    @Override
    public void close() {
        poll.stop();
        audit.close();
        background.close();
    }
}

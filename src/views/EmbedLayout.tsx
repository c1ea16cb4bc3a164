/**
 * The page as an embed (`embed=1`, in someone else's `<iframe>`) or as an
 * exported story file: the graph with a story's caption card, the legend,
 * the time bar and a comparison's legend, and no header. An embed links to
 * the full explorer at the same view; a story file has no explorer to go to.
 */
import { GraphView } from "../sigma/GraphView";
import { useAppState } from "../state";
import { selectStories } from "../state/derived";
import { playStory } from "../state/story-player";
import { explorerUrl } from "../state/url-sync";
import { ArticleReader } from "./ArticleReader";
import { ComparePeriods } from "./ComparePeriods";
import { EmptyState } from "./EmptyState";
import { Legend } from "./Legend";
import { Notices } from "./Notices";
import { StoryCard } from "./StoryCard";
import { TimeControl } from "./TimeControl";

function ExplorerLink() {
  const href = useAppState(explorerUrl);
  return (
    <a className="embed-open" href={href} target="_blank" rel="noopener" data-graph-overlay="">
      Open in the explorer
    </a>
  );
}

/** After Esc, a story file offers its story again (it has nothing else to show). */
function ReplayStory() {
  const playing = useAppState((s) => s.story.playing !== null);
  const story = useAppState((s) => selectStories(s)[0]);
  if (playing || !story) return null;
  return (
    <button type="button" className="embed-replay" data-graph-overlay="" onClick={() => playStory(story.id)}>
      ▶ {story.title}
    </button>
  );
}

export function EmbedLayout() {
  const data = useAppState((s) => s.data.loaded);
  const error = useAppState((s) => s.data.error);
  const mode = useAppState((s) => s.story.mode);
  return (
    <div className="embed">
      {/* The notices hold the progress note too. */}
      <Notices />
      {data ? (
        <div className="graph-column">
          <GraphView graph={data.graph}>
            {mode === "embed" && <ExplorerLink />}
            <StoryCard />
            {mode === "file" && <ReplayStory />}
            <EmptyState />
          </GraphView>
          <Legend />
          <TimeControl />
          <ComparePeriods />
        </div>
      ) : (
        <div className="graph-area placeholder" role={error ? "alert" : "status"}>
          {error ?? "Loading the graph…"}
        </div>
      )}
      <ArticleReader />
    </div>
  );
}

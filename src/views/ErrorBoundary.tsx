/**
 * Keeps one part of the page from taking the others down: an error while
 * this part renders becomes a message in its place, with "Try again"; the
 * rest of the page, the view and the graph loaded stay as they were. When
 * `resetKeys` change (another selection, another graph) the part is drawn
 * again by itself.
 */
import { Component, type ReactNode } from "react";
import { shorten } from "../model/text";

interface Props {
  /** What the part is, for the message: "The graph", "The details panel". */
  name: string;
  resetKeys?: readonly unknown[];
  className?: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
  keys: readonly unknown[] | undefined;
}

const sameKeys = (a: readonly unknown[] | undefined, b: readonly unknown[] | undefined) =>
  a === b || (!!a && !!b && a.length === b.length && a.every((v, i) => Object.is(v, b[i])));

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, keys: this.props.resetKeys };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (sameKeys(props.resetKeys, state.keys)) return null;
    return { keys: props.resetKeys, error: null };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className={`part-error ${this.props.className ?? ""}`} role="alert">
        <p>
          <strong>{this.props.name} could not be shown.</strong> {shorten(error.message || "An unexpected error occurred.", 300).text}
        </p>
        <p className="muted">The rest of the page still works, and the view is kept.</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}

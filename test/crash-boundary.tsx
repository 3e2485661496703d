// Shared by the tests that render arbitrary or hostile definitions: a render that throws shows as
// `crashed: <message>` (an assertion can name it) instead of tearing the test's tree down.
import { Component, type ReactNode } from 'react';

/** Catches what a render throws, so a crash is an assertion failure with its message. */
export class Boundary extends Component<{ children: ReactNode }, { error?: unknown }> {
  override state: { error?: unknown } = {};
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    return this.state.error ? <p>crashed: {String(this.state.error)}</p> : this.props.children;
  }
}

import { useEffect, useState } from 'react';
import { HubError } from '../../../contract/errors';
import { forgetsCredential } from '../hub/credential';
import type { TokenStore } from '../hub/tokens';

export type CredentialState<W> =
  | { readonly step: 'checking'; readonly problem: string | null }
  | { readonly step: 'out'; readonly message: string | null }
  | { readonly step: 'in'; readonly token: string; readonly who: W };

/** How often a screen asks again while the hub cannot confirm its credential. */
const RETRY_MS = 3000;

/**
 * A screen's stored credential, confirmed with the hub at start. The token is forgotten only when
 * the hub says it is gone (`forgetsCredential`); while the hub is restarting, unreachable or in
 * trouble (a full disk), the screen keeps it, says what is wrong and asks again.
 * `whoIs` answers null for a credential that cannot be used here (back to the form, kept).
 */
export function useCredential<W>(tokens: TokenStore, stored: () => Promise<string | null>, whoIs: (token: string) => Promise<W | null>) {
  const [state, setState] = useState<CredentialState<W>>({ step: 'checking', problem: null });

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    const check = async () => {
      const token = await stored();
      if (!token) {
        setState({ step: 'out', message: null });
        return;
      }
      try {
        const who = await whoIs(token);
        if (live) setState(who === null ? { step: 'out', message: null } : { step: 'in', token, who });
      } catch (e) {
        if (!live) return;
        if (forgetsCredential(e)) {
          tokens.clear();
          setState({ step: 'out', message: e.message });
          return;
        }
        // Unreachable needs no words (the page says it is connecting); other trouble is named.
        if (!(e instanceof HubError)) console.error('checking the credential failed', e);
        setState({ step: 'checking', problem: e instanceof HubError && e.code !== 'HUB_UNREACHABLE' ? e.message : null });
        timer = setTimeout(() => void check(), RETRY_MS);
      }
    };
    void check();
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return {
    state,
    /** Logged in or paired: keep the new token. */
    signedIn: (token: string, who: W) => {
      tokens.set(token);
      setState({ step: 'in', token, who });
    },
    /** The credential is gone (the hub said so), or the person logged out: forget it. */
    signOut: (message: string | null) => {
      tokens.clear();
      setState({ step: 'out', message });
    },
    /** Back to the form without touching the stored token. */
    showForm: (message: string | null) => setState({ step: 'out', message }),
  };
}

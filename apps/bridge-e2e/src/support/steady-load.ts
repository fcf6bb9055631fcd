import { Bridge } from './bridge';
import { lookUp, newVoucherCode, postPurchase, purchaseBody } from './purchases';

export interface LoadAnswer {
  endpoint: 'purchase' | 'lookup';
  /** 0: no HTTP answer at all. */
  status: number;
  contentType: string;
  retryAfter: string | null;
}

export interface SteadyLoad {
  answers: LoadAnswer[];
  stop(): Promise<void>;
}

/** Cashboxes posting purchases and the shop looking vouchers up, without pause, until stopped. */
export function steadyLoad(bridge: Bridge, clients = 8): SteadyLoad {
  const answers: LoadAnswer[] = [];
  let running = true;
  const client = async (n: number) => {
    for (let i = 0; running; i++) {
      const endpoint = (i + n) % 3 === 0 ? 'lookup' : 'purchase';
      try {
        const answer = endpoint === 'lookup' ? await lookUp(bridge, newVoucherCode()) : await postPurchase(bridge, purchaseBody());
        answers.push({ endpoint, status: answer.status, contentType: answer.contentType, retryAfter: answer.headers.get('retry-after') });
      } catch {
        answers.push({ endpoint, status: 0, contentType: '', retryAfter: null });
      }
    }
  };
  const clientsDone = Promise.all(Array.from({ length: clients }, (_, n) => client(n)));
  return {
    answers,
    async stop() {
      running = false;
      await clientsDone;
    },
  };
}

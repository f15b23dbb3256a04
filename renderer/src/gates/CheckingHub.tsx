import { Notice } from '../ui/Notice';

/** While a screen's credential waits for the hub's word: connecting, or what stands in the way (it keeps asking). */
export function CheckingHub(props: { problem: string | null }) {
  return (
    <div className="center-page" role="status">
      <div className="checking-hub">
        <p>Đang kết nối với máy chủ Một Cửa…</p>
        {props.problem ? <Notice kind="warning">{props.problem} Đang thử lại…</Notice> : null}
      </div>
    </div>
  );
}

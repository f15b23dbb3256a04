/**
 * Letters on the screen for a kiosk without a keyboard. No tone marks: the hub's search ignores
 * them ("khai sinh" finds "Đăng ký khai sinh"), so an elderly citizen never has to compose "ă" or "ế".
 */
const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'] as const;

export function TouchLetters(props: { value: string; onChange: (value: string) => void }) {
  const add = (s: string) => props.onChange(props.value + s);
  return (
    <div className="touch-letters" role="group" aria-label="Bàn phím chữ">
      {ROWS.map((row) => (
        <div key={row} className="touch-letters-row">
          {[...row].map((ch) => (
            <button key={ch} type="button" className="touch-key" onClick={() => add(ch)}>
              {ch.toUpperCase()}
            </button>
          ))}
        </div>
      ))}
      <div className="touch-letters-row">
        <button type="button" className="touch-key wide" onClick={() => add(' ')}>
          Dấu cách
        </button>
        <button type="button" className="touch-key wide" onClick={() => props.onChange(props.value.slice(0, -1))}>
          ⌫ Xóa 1 chữ
        </button>
        <button type="button" className="touch-key wide" onClick={() => props.onChange('')}>
          Xóa hết
        </button>
      </div>
    </div>
  );
}

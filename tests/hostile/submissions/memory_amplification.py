"""Memory amplification within the output cap: replace the runner's encoder so that each case's answer
is a payload built to make the host allocate far more than it reads, each container up to the 8 MiB
stream cap. Case 1: one 7.5 MiB line of [{},{},…] (2.6 million empty objects: ~490 MB once parsed).
Case 2: 590 000 strings and case 3: 280 000 empty objects, just under the host's count of JSON items.
Case 4 crosses the stream cap; case 5: 590 000 floats; case 6: 280 000 empty lists in a
numeric-looking answer; case 7: an error report with 100 000 frames (past the stream cap).
The host counts containers and separators in the raw bytes before parsing and checks the declared
outputs before decoding: case 1 is refused unparsed (a runtime error), the others are wrong answers
or runtime errors; tests/hostile/test_hostile_channel.py measures the grader's peak memory.

verdict: runtime error
budget: 30
"""
import json
import sys

_wire = sys.modules["runner.wire"]
_real_dumps = _wire.dumps
CASES = ["single head, L\u2260S", "boolean mask with a fully masked row", "causal",
         "two batch dims, key padding mask", "large logits", "causal with L\u2260S and a mask",
         "large logits with a mask"]


def _payload(name, index):
    head = '{"type":"result","case":' + json.dumps(name) + ',"status":"ok","outputs":{"out":'
    if index == 0:  # container 1
        body = "[" + ",".join(["{}"] * 2_600_000) + "]"
    elif index == 1:  # container 2
        body = "[" + ",".join(['"abcdefgh"'] * 590_000) + "]"
    elif index == 2:
        body = "[" + ",".join(["{}"] * 280_000) + "]"
    elif index in (3, 4):  # the end of container 2's stream cap; container 3
        body = "[" + ",".join(["0.5"] * 590_000) + "]"
    elif index == 5:
        body = "[" + ",".join(["[]"] * 280_000) + "]"
    else:
        frames = ",".join(['{"file":"solution.py","line":1,"function":"f","code":"x"}'] * 100_000)
        return ('{"type":"result","case":' + json.dumps(name) + ',"status":"error","error":{"type":"ValueError",'
                '"message":"x","frames":[' + frames + ']}}\n').encode()
    return (head + body + "}}\n").encode()


def _dumps(message):
    if message.get("type") != "result":
        return _real_dumps(message)
    name = message["case"]
    return _payload(name, CASES.index(name) if name in CASES else 5)


_wire.dumps = _dumps


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    return q

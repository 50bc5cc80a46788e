"""Where the threads of a JFR recording waited: sums the durations of the blocking events (park, monitor
wait and enter, socket read, sleep) by thread and by the nearest Spate frame of their stacks.

    python3 kafka-exactly-once-waits.py recording.jfr [thread-name-regex]

Needs the JDK's `jfr` tool on the PATH. The recording's settings decide which waits are recorded
(`settings=profile` keeps those of 10 ms or more).
"""
import collections
import json
import re
import subprocess
import sys

EVENTS = 'jdk.ThreadPark,jdk.JavaMonitorWait,jdk.JavaMonitorEnter,jdk.SocketRead,jdk.ThreadSleep'
# Frames that only pass a call on; the frame below them says more.
PASS_THROUGH = ('$$Lambda', 'OperatorFailure', 'TaskMailbox')


def seconds(duration):
    match = re.match(r'PT(?:(\d+)M)?([\d.]+)S', duration)
    return int(match.group(1) or 0) * 60 + float(match.group(2)) if match else 0.0


def nearest_spate_frame(frames):
    for frame in frames:
        method = frame['method']
        type_name = method['type']['name'].replace('/', '.')
        if type_name.startswith('io.spate') and not any(p in type_name for p in PASS_THROUGH):
            return f"{type_name.split('.')[-1]}.{method['name']}:{frame.get('lineNumber')}"
    if frames:
        top = frames[0]['method']
        return f"{top['type']['name'].split('/')[-1]}.{top['name']}"
    return '?'


def main():
    recording = sys.argv[1]
    threads = re.compile(sys.argv[2]) if len(sys.argv) > 2 else None
    printed = subprocess.run(['jfr', 'print', '--json', '--stack-depth', '40', '--events', EVENTS, recording],
                             capture_output=True, text=True, check=True).stdout
    by_thread = collections.Counter()
    by_site = collections.Counter()
    for event in json.loads(printed)['recording']['events']:
        values = event['values']
        name = (values.get('eventThread') or {}).get('javaName') or '?'
        if threads and not threads.search(name):
            continue
        waited = seconds(values['duration'])
        by_thread[re.sub(r'\d+', 'N', name)] += waited
        frames = (values.get('stackTrace') or {}).get('frames') or []
        by_site[(event['type'].replace('jdk.', ''), nearest_spate_frame(frames))] += waited
    print('seconds waited, by thread:')
    for name, waited in by_thread.most_common(25):
        print(f'  {waited:8.2f} {name}')
    print('seconds waited, by event and nearest Spate frame:')
    for (kind, site), waited in by_site.most_common(30):
        print(f'  {waited:8.2f} {kind:16} {site}')


if __name__ == '__main__':
    main()

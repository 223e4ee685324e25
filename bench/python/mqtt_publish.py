"""Baseline of bench section G: how fast Debian's paho-mqtt (python3-paho-mqtt 1.6.1) publishes readings.

    python3 mqtt_publish.py PORT TOPIC COUNT

Publishes COUNT messages at QoS 0 to 127.0.0.1:PORT, each one JSON reading written as the bench's MQTTnet
publisher writes it ({"temperature": 20 + (i % 100) / 10, "sensor": i % 8}), in paho's usual way (loop_start's
network thread sends). Prints {"messages": COUNT, "seconds": S}: from the first publish until paho says the last
message is written to the socket.
"""
import json
import sys
import time

import paho.mqtt
import paho.mqtt.client as mqtt


def main():
    port, topic, count = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    client = mqtt.Client(client_id="rtl-bench-paho", clean_session=True)
    client.connect("127.0.0.1", port)
    client.loop_start()
    try:
        start = time.perf_counter()
        info = None
        for i in range(count):
            info = client.publish(topic, f'{{"temperature": {20 + i % 100 / 10}, "sensor": {i % 8}}}', qos=0)
        info.wait_for_publish()
        seconds = time.perf_counter() - start
    finally:
        client.disconnect()
        client.loop_stop()
    print(json.dumps({"messages": count, "seconds": seconds, "paho": paho.mqtt.__version__}))


if __name__ == "__main__":
    main()
